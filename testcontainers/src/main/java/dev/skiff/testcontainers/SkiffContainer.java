package dev.skiff.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A whole Skiff cluster in one container, for tests, used like Testcontainers' {@code
 * K3sContainer}:
 *
 * <pre>{@code
 * @Container static SkiffContainer skiff = new SkiffContainer();
 * ...
 * Config config = Config.fromKubeconfig(skiff.getKubeConfigYaml());
 * }</pre>
 *
 * <p>The container runs {@code skiff up --foreground} (the API server, its controllers, one node
 * agent, service proxy and cluster DNS in one JVM); pods run inside it as processes (the process
 * runtime: a pod's container is its command, {@code image} is not pulled). It is ready when the CLI
 * prints that the cluster is, that is when the node is Ready and cluster DNS answers. {@link
 * #getKubeConfigYaml()} names the API server at the host's published port and verifies its
 * certificate, which is valid for {@link #getHost()} and the container's network aliases.
 *
 * <p>Privileges: the cluster runs as root in the container with one added capability, {@code
 * SYS_ADMIN}, which the process runtime needs to give each pod a mount namespace ({@code unshare
 * -m}, then bind, tmpfs and overlay mounts) so that its volumes (ConfigMaps, Secrets, the service
 * account token) appear at their mount paths. No privileged mode, no host network, no Docker
 * socket.
 */
public class SkiffContainer extends GenericContainer<SkiffContainer> {
  /** The image of this version of the module, {@code skiff/skiff:VERSION} (module deploy). */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse(defaultImage());

  /** The API server's port in the container. */
  public static final int API_PORT = 6443;

  /** Where the image keeps its clusters ({@code SKIFF_HOME}) and this cluster's kubeconfig. */
  private static final String KUBECONFIG = "/var/lib/skiff/clusters/skiff/kubeconfig";

  private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*server:\\s*)\\S+$");

  private String kubeConfigYaml;

  /** A cluster from {@link #DEFAULT_IMAGE}. */
  public SkiffContainer() {
    this(DEFAULT_IMAGE);
  }

  /** A cluster from {@code image}, which must be a {@code skiff/skiff} image (or declare so). */
  public SkiffContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /** A cluster from {@code image}, which must be a {@code skiff/skiff} image (or declare so). */
  public SkiffContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DockerImageName.parse("skiff/skiff"));
    addExposedPorts(API_PORT);
    withCreateContainerCmdModifier(
        cmd -> {
          // root with CAP_SYS_ADMIN: mount namespaces for the pods' volumes (class comment)
          cmd.withUser("0");
          cmd.getHostConfig().withCapAdd(com.github.dockerjava.api.model.Capability.SYS_ADMIN);
        });
    setWaitStrategy(
        new LogMessageWaitStrategy()
            .withRegEx(".*Cluster \"skiff\" is ready.*")
            .withStartupTimeout(Duration.ofMinutes(3)));
  }

  @Override
  protected void configure() {
    // The certificate names the host the published port is reached at and every network alias
    // (what a container on the same network reaches this one at); 127.0.0.1 and localhost always.
    List<String> command =
        new ArrayList<>(
            List.of(
                "up",
                "--foreground",
                "--api-address",
                "0.0.0.0",
                "--api-port",
                Integer.toString(API_PORT),
                "--tls-san",
                getHost()));
    for (String alias : getNetworkAliases()) {
      command.addAll(List.of("--tls-san", alias));
    }
    setCommand(command.toArray(String[]::new));
  }

  @Override
  protected void containerIsStarted(InspectContainerResponse containerInfo) {
    String inside = copyFileFromContainer(KUBECONFIG, SkiffContainer::utf8);
    kubeConfigYaml = withServer(inside, "https://" + getHost() + ":" + getMappedPort(API_PORT));
  }

  /**
   * A kubeconfig for clients on the host: the API server at {@link #getHost()} and the published
   * port, its certificate as the only authority, a bearer token of the cluster's admin.
   */
  public String getKubeConfigYaml() {
    if (kubeConfigYaml == null) {
      throw new IllegalStateException("the container is not started");
    }
    return kubeConfigYaml;
  }

  /**
   * A kubeconfig for clients in containers on this container's network that reach it at {@code
   * networkAlias} (one of {@link #getNetworkAliases()}, set before the start).
   */
  public String generateInternalKubeConfigYaml(String networkAlias) {
    if (!getNetworkAliases().contains(networkAlias)) {
      throw new IllegalArgumentException(
          networkAlias + " is not a network alias of this container: " + getNetworkAliases());
    }
    return withServer(getKubeConfigYaml(), "https://" + networkAlias + ":" + API_PORT);
  }

  static String withServer(String kubeconfig, String server) {
    Matcher m = SERVER.matcher(kubeconfig);
    if (!m.find()) {
      throw new IllegalStateException("the cluster's kubeconfig names no server:\n" + kubeconfig);
    }
    return m.replaceAll(Matcher.quoteReplacement(m.group(1) + server));
  }

  private static String utf8(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String defaultImage() {
    Properties p = new Properties();
    try (InputStream in = SkiffContainer.class.getResourceAsStream("image.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("image");
  }
}

package dev.skiff.agent.testing;

import dev.skiff.agent.FileTrees;
import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.server.testing.TestApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real api-server and one node agent shared by the tests of a class: register it as a static
 * {@code @RegisterExtension} field; it starts before the class's tests and stops after them, even
 * when they fail.
 */
public final class AgentFixture implements BeforeAllCallback, AfterAllCallback {
  private final int index;
  private final UnaryOperator<NodeAgentOptions> adjust;
  private final boolean kubectl;
  private Path dir;
  private TestApiServer api;
  private TestNode node;
  private PodChecks pods;

  public AgentFixture(int index) {
    this(index, UnaryOperator.identity());
  }

  public AgentFixture(int index, UnaryOperator<NodeAgentOptions> adjust) {
    this(index, adjust, false);
  }

  private AgentFixture(int index, UnaryOperator<NodeAgentOptions> adjust, boolean kubectl) {
    this.index = index;
    this.adjust = adjust;
    this.kubectl = kubectl;
  }

  /** With a TLS api-server and a kubeconfig, so that tests can run {@link #kubectl}. */
  public static AgentFixture withKubectl(int index) {
    return withKubectl(index, UnaryOperator.identity());
  }

  /** As {@link #withKubectl(int)}, with the node's options adjusted (e.g. the Docker runtime). */
  public static AgentFixture withKubectl(int index, UnaryOperator<NodeAgentOptions> adjust) {
    return new AgentFixture(index, adjust, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("skiff-agent-test");
    Path kubeconfig = kubectl ? dir.resolve("kubeconfig") : null;
    api = kubectl ? TestApiServer.start(kubeconfig) : TestApiServer.start();
    NodeAgentOptions options = TestNode.options(api, index, dir);
    node = TestNode.start(adjust.apply(kubectl ? options.withKubeconfig(kubeconfig) : options));
    pods = new PodChecks(api);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (api != null) {
        api.close();
      }
      if (dir != null) {
        FileTrees.delete(dir);
      }
    }
  }

  public TestApiServer api() {
    return api;
  }

  public TestNode node() {
    return node;
  }

  public PodChecks pods() {
    return pods;
  }

  /** Runs the real kubectl against the api-server; fails unless it exits 0; returns its output. */
  public String kubectl(String... args) {
    if (!kubectl) {
      throw new IllegalStateException("create the fixture with AgentFixture.withKubectl");
    }
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + dir.resolve("kubeconfig"));
    command.add("--cache-dir=" + dir.resolve("kube-cache"));
    command.addAll(List.of(args));
    Docker.Result r = Docker.run(command.toArray(String[]::new));
    if (r.code() != 0) {
      throw new AssertionError("kubectl " + String.join(" ", args) + ": " + r.output());
    }
    return r.output();
  }
}

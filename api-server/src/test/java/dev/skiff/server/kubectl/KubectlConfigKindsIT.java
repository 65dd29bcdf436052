package dev.skiff.server.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConfigMaps, Secrets and ServiceAccounts through the real kubectl: the {@code create} generators
 * (protobuf bodies), apply with stringData, Tables, describe, patch, the -o yaml round trip and the
 * server's validation messages as kubectl prints them. Every test works in its own namespace.
 */
class KubectlConfigKindsIT {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @TempDir static Path dir;
  private static TestApiServers servers;
  private static Kubectl kubectl;
  private String ns;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1);
    kubectl = KubectlConformance.kubectlFor(servers, 0, dir);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @BeforeEach
  void createNamespace() {
    ns = "cfg" + NAMESPACES.incrementAndGet();
    ok("create", "namespace", ns);
  }

  @Test
  void apiResourcesListsTheKindsWithTheirShortNames() {
    String out = ok("api-resources");
    assertThat(line(out, "configmaps ")).contains("cm", "v1", "true", "ConfigMap");
    assertThat(line(out, "secrets ")).contains("v1", "true", "Secret");
    assertThat(line(out, "serviceaccounts ")).contains("sa", "ServiceAccount");
  }

  @Test
  void createConfigMapFromLiteralsAndFilesStoresDataAndBinaryData() throws IOException {
    Path text = Files.writeString(dir.resolve(ns + "-app.properties"), "color=blue\n");
    Path binary = Files.write(dir.resolve(ns + "-logo.bin"), new byte[] {(byte) 0xff, 0, 1});
    assertThat(
            ok(
                "create",
                "configmap",
                "app",
                "-n",
                ns,
                "--from-literal=LOG_LEVEL=debug",
                "--from-file=app.properties=" + text,
                "--from-file=logo.bin=" + binary))
        .contains("configmap/app created");
    JsonNode cm = get("configmap", "app");
    assertThat(cm.at("/data/LOG_LEVEL").asText()).isEqualTo("debug");
    assertThat(cm.at("/data/app.properties").asText()).isEqualTo("color=blue\n");
    assertThat(cm.at("/binaryData/logo.bin").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 1}));
    assertThat(cm.path("metadata").has("annotations")).isFalse();
    assertThat(line(ok("get", "cm", "-n", ns), "app")).matches("app\\s+3\\s+\\d+s");
    assertThat(ok("get", "configmaps", "-n", ns)).startsWith("NAME   DATA   AGE");
    assertThat(ok("describe", "configmap", "app", "-n", ns))
        .contains("Data\n====", "LOG_LEVEL:\n----\ndebug", "BinaryData\n====", "logo.bin: 3 bytes");
  }

  @Test
  void configMapYamlRoundTripsThroughApplyAndDelete() {
    ok("create", "configmap", "rt", "-n", ns, "--from-literal=a=b");
    String yaml = ok("get", "cm", "rt", "-n", ns, "-o", "yaml");
    ProcessResult replaced = kubectl.runWithInput(yaml, "replace", "-f", "-");
    assertThat(replaced.ok()).as(replaced.toString()).isTrue();
    assertThat(ok("get", "cm", "rt", "-n", ns, "-o", "yaml")).contains("a: b");
    ok("label", "cm", "rt", "-n", ns, "tier=web");
    assertThat(ok("get", "cm", "-n", ns, "-l", "tier=web", "-o", "name")).contains("configmap/rt");
    assertThat(ok("delete", "cm", "rt", "-n", ns)).contains("configmap \"rt\" deleted");
    assertThat(kubectl.run("get", "cm", "rt", "-n", ns).stderr())
        .contains("Error from server (NotFound): configmaps \"rt\" not found");
  }

  @Test
  void invalidConfigKeyIsRejectedWithKubernetesMessage() {
    ProcessResult r =
        apply("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  'a b': c\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "The ConfigMap \"bad\" is invalid: data[a b]: Invalid value: \"a b\": a valid config"
                + " key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', "
                + " or 'KEY_NAME',  or 'key-name', regex used for validation is"
                + " '[-._a-zA-Z0-9]+')");
  }

  @Test
  void immutableConfigMapRefusesDataChanges() {
    ProcessResult created =
        apply(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\nimmutable: true\n"
                + "data:\n  a: b\n");
    assertThat(created.ok()).as(created.toString()).isTrue();
    ProcessResult changed =
        kubectl.run("patch", "cm", "frozen", "-n", ns, "-p", "{\"data\":{\"a\":\"c\"}}");
    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.stderr())
        .contains(
            "The ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when"
                + " `immutable` is set");
    ProcessResult unset =
        kubectl.run(
            "patch", "cm", "frozen", "-n", ns, "--type=merge", "-p", "{\"immutable\":null}");
    assertThat(unset.stderr())
        .contains("immutable: Forbidden: field is immutable when `immutable` is set");
    assertThat(ok("label", "cm", "frozen", "-n", ns, "x=y")).contains("labeled");
  }

  @Test
  void configMapOverOneMebibyteIsTooLong() {
    String big = "x".repeat(1024 * 1024 + 1);
    Path file =
        write(
            "big.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: " + big + "\n");
    ProcessResult r = kubectl.run("create", "-n", ns, "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "The ConfigMap \"big\" is invalid: []: Too long: may not be more than 1048576 bytes");
  }

  @Test
  void createSecretGenericStoresBase64DataAndDescribeShowsSizesOnly() {
    assertThat(ok("create", "secret", "generic", "db", "-n", ns, "--from-literal=password=s3cr3t!"))
        .contains("secret/db created");
    JsonNode secret = get("secret", "db");
    assertThat(secret.path("type").asText()).isEqualTo("Opaque");
    assertThat(secret.at("/data/password").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("s3cr3t!".getBytes(StandardCharsets.UTF_8)));
    assertThat(ok("get", "secrets", "-n", ns)).startsWith("NAME   TYPE     DATA   AGE");
    assertThat(line(ok("get", "secret", "db", "-n", ns), "db"))
        .matches("db\\s+Opaque\\s+1\\s+\\d+s");
    String described = ok("describe", "secret", "db", "-n", ns);
    assertThat(described).contains("Type:  Opaque", "password:  7 bytes").doesNotContain("s3cr3t");
  }

  @Test
  void createSecretTlsAndDockerRegistryStoreTheirTypedKeys() throws IOException {
    ServingCertificate cert = ServingCertificate.generate("web", List.of("web.example.com"));
    Path crt = Files.writeString(dir.resolve(ns + "-tls.crt"), cert.certificatePem());
    Path key = Files.writeString(dir.resolve(ns + "-tls.key"), cert.privateKeyPem());
    assertThat(ok("create", "secret", "tls", "web-tls", "-n", ns, "--cert=" + crt, "--key=" + key))
        .contains("secret/web-tls created");
    JsonNode tls = get("secret", "web-tls");
    assertThat(tls.path("type").asText()).isEqualTo("kubernetes.io/tls");
    assertThat(decode(tls.at("/data/tls.crt"))).isEqualTo(cert.certificatePem());
    assertThat(tls.at("/data/tls.key").asText()).isNotEmpty();

    assertThat(
            ok(
                "create",
                "secret",
                "docker-registry",
                "regcred",
                "-n",
                ns,
                "--docker-server=registry.example.com",
                "--docker-username=me",
                "--docker-password=pw"))
        .contains("secret/regcred created");
    JsonNode docker = get("secret", "regcred");
    assertThat(docker.path("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
    JsonNode config =
        Json.tree(decode(docker.at("/data/.dockerconfigjson")).getBytes(StandardCharsets.UTF_8));
    assertThat(config.at("/auths/registry.example.com/username").asText()).isEqualTo("me");
    assertThat(line(ok("get", "secrets", "-n", ns), "regcred"))
        .contains("kubernetes.io/dockerconfigjson", "1");
    assertThat(
            ok(
                "get",
                "secrets",
                "-n",
                ns,
                "--field-selector",
                "type=kubernetes.io/tls",
                "-o",
                "name"))
        .isEqualTo("secret/web-tls\n");
  }

  @Test
  void applyFoldsStringDataIntoDataAndNeverReturnsIt() {
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: kubernetes.io/basic-auth\n"
            + "data:\n  username: b2xk\nstringData:\n  username: admin\n  password: pw\n";
    ProcessResult created = apply(yaml);
    assertThat(created.stdout()).as(created.toString()).contains("secret/app created");
    JsonNode secret = get("secret", "app");
    assertThat(secret.has("stringData")).isFalse();
    assertThat(decode(secret.at("/data/username"))).isEqualTo("admin");
    assertThat(decode(secret.at("/data/password"))).isEqualTo("pw");
    ProcessResult again = apply(yaml);
    assertThat(again.ok()).as(again.toString()).isTrue();
    assertThat(decode(get("secret", "app").at("/data/username"))).isEqualTo("admin");
  }

  @Test
  void secretTypesRequireTheirKeysAndKeepTheirType() {
    ProcessResult missing =
        apply(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ntype: kubernetes.io/tls\n"
                + "stringData:\n  tls.crt: c\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .contains("The Secret \"t\" is invalid: data[tls.key]: Required value");
    ok("create", "secret", "generic", "plain", "-n", ns, "--from-literal=a=b");
    ProcessResult retyped =
        kubectl.run(
            "patch", "secret", "plain", "-n", ns, "-p", "{\"type\":\"example.com/custom\"}");
    assertThat(retyped.stderr())
        .contains(
            "The Secret \"plain\" is invalid: type: Invalid value: \"example.com/custom\":"
                + " field is immutable");
  }

  @Test
  void secretDataThatIsNotBase64IsABadRequestThatDoesNotEchoTheValue() {
    ProcessResult r =
        apply("apiVersion: v1\nkind: Secret\nmetadata:\n  name: raw\ndata:\n  a: hunter2!\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "Error from server (BadRequest)",
            "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input"
                + " byte 7")
        .doesNotContain("hunter2");
  }

  @Test
  void createServiceAccountShowsInTableAndDescribe() {
    assertThat(ok("create", "serviceaccount", "builder", "-n", ns))
        .contains("serviceaccount/builder created");
    assertThat(line(ok("get", "sa", "-n", ns), "builder")).matches("builder\\s+0\\s+\\d+s");
    assertThat(ok("get", "serviceaccounts", "-n", ns)).startsWith("NAME      SECRETS   AGE");
    ok("patch", "sa", "builder", "-n", ns, "-p", "{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}");
    assertThat(ok("describe", "sa", "builder", "-n", ns))
        .contains("Name:", "builder", "Image pull secrets:", "regcred", "Mountable secrets:");
  }

  private ProcessResult apply(String yaml) {
    return kubectl.run("apply", "-n", ns, "-f", write("m.yaml", yaml).toString());
  }

  private String ok(String... args) {
    ProcessResult r = kubectl.run(args);
    assertThat(r.ok()).as(r.toString()).isTrue();
    return r.stdout();
  }

  private JsonNode get(String kind, String name) {
    return Json.tree(
        ok("get", kind, name, "-n", ns, "-o", "json").getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String file, String content) {
    try {
      return Files.writeString(dir.resolve(ns + "-" + file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  private static String line(String text, String start) {
    return text.lines()
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElse("<no line starting with " + start + ">\n" + text);
  }
}

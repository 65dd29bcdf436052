package dev.skiff.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TokenRequest and ServiceAccount token authentication with the real kubectl: {@code kubectl create
 * token}, then {@code kubectl --token=...}; expired, wrong-audience, tampered and orphaned tokens
 * are 401. Authorization is still allow-all: any authenticated user may do anything.
 */
class ServiceAccountTokensE2E {
  @TempDir static Path dir;
  private static TestCluster cluster;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls());
    Await.result(cluster.replica(0).manager().leading());
    kubectl = Kubectl.in(dir, cluster.kubeconfig(dir.resolve("kubeconfig"), 0));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> kubectl.run("get", "serviceaccount", "default").exitCode() == 0);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void kubectlCreateTokenIssuesATokenKubectlCanUse() {
    ProcessResult created = kubectl.run("create", "token", "default", "--duration=10m");
    assertThat(created.exitCode()).as(created.all()).isZero();
    String token = created.stdout().trim();

    ObjectNode claims = claims(token);
    ServiceAccount sa =
        Await.result(cluster.client().get(ServiceAccount.class, "default", "default"));
    assertThat(claims.path("iss").asText()).isEqualTo(ServiceAccountTokens.ISSUER);
    assertThat(claims.path("aud").get(0).asText()).isEqualTo(ServiceAccountTokens.ISSUER);
    assertThat(claims.path("sub").asText()).isEqualTo("system:serviceaccount:default:default");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);
    assertThat(claims.path("nbf").asLong()).isEqualTo(claims.path("iat").asLong());
    assertThat(claims.path("kubernetes.io").path("namespace").asText()).isEqualTo("default");
    assertThat(claims.path("kubernetes.io").path("serviceaccount").path("uid").asText())
        .isEqualTo(sa.meta().uid);

    // the token authenticates as the ServiceAccount ...
    ProcessResult whoami = kubectl.run("--token=" + token, "auth", "whoami");
    assertThat(whoami.exitCode()).as(whoami.all()).isZero();
    assertThat(whoami.stdout()).contains("system:serviceaccount:default:default");
    // ... which, with nothing bound to it (no RBAC yet), may not read or write objects: a 403 that
    // names it, as kube-apiserver words it
    ProcessResult pods = kubectl.run("--token=" + token, "get", "pods");
    assertThat(pods.exitCode()).as(pods.all()).isNotZero();
    assertThat(pods.stderr())
        .contains(
            "pods is forbidden: User \"system:serviceaccount:default:default\" cannot list"
                + " resource \"pods\" in API group \"\" in the namespace \"default\"");
    // a write with a body: authentication is asynchronous, the body must still arrive (to be
    // refused by authorization, not lost)
    ProcessResult write =
        kubectl.run("--token=" + token, "create", "configmap", "by-sa", "--from-literal=a=b");
    assertThat(write.exitCode()).as(write.all()).isNotZero();
    assertThat(write.stderr()).contains("configmaps is forbidden").doesNotContain("Unauthorized");
  }

  @Test
  void tooShortADurationIsInvalid() {
    ProcessResult created =
        kubectl.run(
            "create",
            "--raw",
            "/api/v1/namespaces/default/serviceaccounts/default/token",
            "-f",
            write("short.json", "{\"spec\":{\"expirationSeconds\":60}}"));
    assertThat(created.exitCode()).isNotZero();
    assertThat(created.all()).contains("may not specify a duration less than 10 minutes");
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    Clock past = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
    ServiceAccountTokens issuer =
        new ServiceAccountTokens(
            cluster.replica(0).vertx(), cluster.replica(0).server().registry(), past);
    ObjectNode sa =
        Await.result(
            cluster
                .replica(0)
                .server()
                .registry()
                .get(Resources.SERVICEACCOUNTS, "default", "default"));
    String expired =
        Await.result(issuer.issue(sa, List.of(ServiceAccountTokens.ISSUER), 600, null, null));

    assertUnauthorized(expired);
  }

  @Test
  void aTokenForAnotherAudienceIsUnauthorized() {
    ProcessResult created =
        kubectl.run("create", "token", "default", "--audience=https://vault.example");
    assertThat(created.exitCode()).as(created.all()).isZero();

    assertUnauthorized(created.stdout().trim());
  }

  @Test
  void aTamperedTokenIsUnauthorized() {
    String token = kubectl.run("create", "token", "default").stdout().trim();
    String[] parts = token.split("\\.");
    ObjectNode claims = claims(token);
    claims.put("sub", "system:serviceaccount:kube-system:default");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(claims))
            + "."
            + parts[2];
    char last = parts[2].charAt(parts[2].length() - 2);
    String badSignature =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertUnauthorized(forged);
    assertUnauthorized(badSignature);
  }

  @Test
  void aTokenOfADeletedServiceAccountIsUnauthorizedEvenWhenTheNameComesBack() {
    assertThat(kubectl.run("create", "serviceaccount", "robot").exitCode()).isZero();
    String token = kubectl.run("create", "token", "robot").stdout().trim();
    assertThat(kubectl.run("--token=" + token, "auth", "whoami").exitCode()).isZero();

    Await.result(
        cluster.client().delete(ServiceAccount.class, "default", "robot", DeleteOptions.none()));
    assertUnauthorized(token);
    assertThat(kubectl.run("create", "serviceaccount", "robot").exitCode()).isZero();
    assertUnauthorized(token);
  }

  private static void assertUnauthorized(String token) {
    ProcessResult result = kubectl.run("--token=" + token, "get", "pods");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("Unauthorized");
  }

  private static ObjectNode claims(String token) {
    return Json.tree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static String write(String name, String content) {
    try {
      Path file = dir.resolve(name);
      java.nio.file.Files.writeString(file, content, StandardCharsets.UTF_8);
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

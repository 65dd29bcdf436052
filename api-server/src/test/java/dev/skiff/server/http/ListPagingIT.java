package dev.skiff.server.http;

import static dev.skiff.server.http.ApiErrorsIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List pagination ({@code limit}, {@code continue}) and reads at a resourceVersion, as
 * kube-apiserver serves them, through raw HTTP, kubectl and fabric8.
 */
class ListPagingIT {
  /** Small, so that a test can outlive a continue token's history. */
  private static final int HISTORY = 20;

  @TempDir static Path dir;
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers =
        TestApiServers.start(1, HzStoreOptions.defaults().withHistoryPerResource(HISTORY), o -> o);
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String pods(String ns) {
    return "/api/v1/namespaces/" + ns + "/pods";
  }

  private static void namespaceWithPods(String ns, int count) {
    Http.Reply r =
        http.send(
            "POST",
            "/api/v1/namespaces",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + ns
                + "\"}}");
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    for (int i = 0; i < count; i++) {
      createPod(ns, "pod-" + i);
    }
  }

  private static void createPod(String ns, String name) {
    Http.Reply r =
        http.send(
            "POST",
            pods(ns),
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
                + name
                + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
    assertThat(r.code()).as(r.body()).isEqualTo(201);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("items").forEach(i -> names.add(i.at("/metadata/name").asText()));
    return names;
  }

  @Test
  void pagesListEveryObjectOnceAsOfTheFirstPage() {
    namespaceWithPods("pages", 7);
    JsonNode first = http.get(pods("pages") + "?limit=3").json();
    assertThat(names(first)).containsExactly("pod-0", "pod-1", "pod-2");
    String rv = first.at("/metadata/resourceVersion").asText();
    String token = first.at("/metadata/continue").asText();
    assertThat(first.at("/metadata/remainingItemCount").asLong()).isEqualTo(4);
    JsonNode decoded = Json.parse(Base64.getUrlDecoder().decode(token), JsonNode.class);
    assertThat(decoded.path("v").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(decoded.path("rv").asText()).isEqualTo(rv);
    assertThat(decoded.path("start").asText()).isEqualTo("pod-2\u0000");

    // changes after the first page do not show in the next ones
    createPod("pages", "pod-9");
    assertThat(http.send("DELETE", pods("pages") + "/pod-5", null, null).code()).isEqualTo(200);

    List<String> all = new ArrayList<>(names(first));
    while (!token.isEmpty()) {
      JsonNode page = http.get(pods("pages") + "?limit=3&continue=" + enc(token)).json();
      assertThat(page.at("/metadata/resourceVersion").asText()).isEqualTo(rv);
      all.addAll(names(page));
      token = page.at("/metadata/continue").asText();
    }
    assertThat(all).containsExactly("pod-0", "pod-1", "pod-2", "pod-3", "pod-4", "pod-5", "pod-6");
    // and a Table pages the same way
    JsonNode table =
        http.get(
                pods("pages") + "?limit=2",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
            .json();
    assertThat(table.path("rows")).hasSize(2);
    assertThat(table.at("/metadata/continue").asText()).isNotEmpty();
  }

  @Test
  void garbageContinueTokensAreBadRequest() {
    String valid =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"a\\u0000\"}"
                    .getBytes(StandardCharsets.UTF_8));
    for (String token :
        new String[] {
          "garbage!!",
          Base64.getUrlEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder()
              .encodeToString("{\"v\":\"x\",\"rv\":1,\"start\":\"a\"}".getBytes()),
          Base64.getUrlEncoder().encodeToString("{\"v\":\"meta.k8s.io/v1\",\"rv\":1}".getBytes())
        }) {
      Http.Reply r = http.get("/api/v1/namespaces/default/pods?limit=1&continue=" + enc(token));
      assertStatus(r, 400, "BadRequest");
      assertThat(r.json().path("message").asText()).startsWith("invalid continue token: ");
    }
    Http.Reply r =
        http.get(
            "/api/v1/namespaces/default/pods?limit=1&resourceVersion=5&continue=" + enc(valid));
    assertStatus(r, 400, "BadRequest");
    assertThat(r.json().path("message").asText())
        .isEqualTo("specifying resource version is not allowed when using continue");
  }

  @Test
  void unsupportedResourceVersionMatchIsInvalid() {
    Http.Reply r = http.get("/api/v1/pods?resourceVersion=1&resourceVersionMatch=bogus");
    assertStatus(r, 422, "Invalid");
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value:"
                + " \"bogus\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
    assertThat(r.json().at("/details/causes/0/reason").asText())
        .isEqualTo("FieldValueNotSupported");
    r = http.get("/api/v1/pods?resourceVersionMatch=NotOlderThan");
    assertStatus(r, 422, "Invalid");
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden:"
                + " resourceVersionMatch is forbidden unless resourceVersion is provided");
  }

  @Test
  void aContinueTokenOlderThanTheHistoryIsExpiredWithATokenForTheRest() {
    namespaceWithPods("expire", 4);
    JsonNode first = http.get(pods("expire") + "?limit=2").json();
    String token = first.at("/metadata/continue").asText();
    for (int i = 0; i <= HISTORY; i++) {
      Http.Reply r =
          http.send(
              "PATCH",
              pods("expire") + "/pod-0",
              "application/merge-patch+json",
              "{\"metadata\":{\"labels\":{\"n\":\"" + i + "\"}}}");
      assertThat(r.code()).as(r.body()).isEqualTo(200);
    }
    Http.Reply r = http.get(pods("expire") + "?limit=2&continue=" + enc(token));
    assertStatus(r, 410, "Expired");
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "The provided continue parameter is too old to display a consistent list result. You"
                + " can start a new list without the continue parameter, or use the continue token"
                + " in this response to retrieve the remainder of the results. Continuing with the"
                + " provided token results in an inconsistent list - objects that were created,"
                + " modified, or deleted between the time the first chunk was returned and now may"
                + " show up in the list.");
    String fresh = r.json().at("/metadata/continue").asText();
    assertThat(fresh).isNotEmpty();
    JsonNode rest = http.get(pods("expire") + "?limit=2&continue=" + enc(fresh)).json();
    assertThat(names(rest)).containsExactly("pod-2", "pod-3");
  }

  @Test
  void readsAtAResourceVersionBeyondTheNewestTimeOutAsKubernetesSaysIt() {
    long current =
        Long.parseLong(http.get("/api/v1/pods").json().at("/metadata/resourceVersion").asText());
    long ahead = current + 1_000_000;
    for (String path :
        new String[] {
          "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=8&resourceVersion=" + ahead,
          "/api/v1/pods?resourceVersion=" + ahead + "&resourceVersionMatch=NotOlderThan",
          "/api/v1/pods?resourceVersion=" + ahead,
          "/api/v1/namespaces/default/services/kubernetes?resourceVersion=" + ahead
        }) {
      Http.Reply r = http.get(path);
      assertStatus(r, 504, "Timeout");
      JsonNode status = r.json();
      assertThat(status.path("message").asText())
          .as(path)
          .startsWith("Timeout: Too large resource version: " + ahead + ", current: ");
      assertThat(status.at("/details/causes/0/reason").asText())
          .isEqualTo("ResourceVersionTooLarge");
      assertThat(status.at("/details/causes/0/message").asText())
          .isEqualTo("Too large resource version");
      assertThat(status.at("/details/retryAfterSeconds").asInt()).isEqualTo(1);
    }
  }

  @Test
  void kubectlAndFabric8ListInChunks() {
    namespaceWithPods("chunks", 7);
    Path base = dir.resolve("kubectl");
    Kubectl kubectl =
        new Kubectl(
            servers.kubeconfig(base.resolve("kubeconfig"), 0),
            base.resolve("home"),
            base.resolve("cache"));
    ProcessResult result = kubectl.run("get", "pods", "-n", "chunks", "--chunk-size=2", "-v=6");
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.stdout().lines().filter(l -> l.startsWith("pod-")).count())
        .as(result.toString())
        .isEqualTo(7);
    assertThat(result.stderr()).contains("limit=2").contains("continue=");

    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(servers.url(0))
            .withOauthToken(TestApiServers.TOKEN)
            .withTrustCerts(true)
            .withDisableHostnameVerification(true)
            .withRequestRetryBackoffLimit(0)
            .build();
    try (KubernetesClient k8s = new KubernetesClientBuilder().withConfig(config).build()) {
      List<String> listed = new ArrayList<>();
      String next = null;
      int pages = 0;
      do {
        PodList page =
            k8s.pods()
                .inNamespace("chunks")
                .list(new ListOptionsBuilder().withLimit(3L).withContinue(next).build());
        assertThat(page.getItems().size()).isLessThanOrEqualTo(3);
        page.getItems().forEach(p -> listed.add(p.getMetadata().getName()));
        next = page.getMetadata().getContinue();
        pages++;
      } while (next != null && !next.isEmpty());
      assertThat(pages).isEqualTo(3);
      assertThat(listed).hasSize(7).doesNotHaveDuplicates();
    }
  }
}

package dev.skiff.api.client;

import static dev.skiff.api.client.ScriptedApiServer.json;
import static dev.skiff.api.client.ScriptedApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events as a node's recorder writes them: one Event per repeat, counted, about one container. */
class EventRecorderTest {
  private static final String EVENTS = "/api/v1/namespaces/default/events";

  @RegisterExtension
  static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension("s3cret");

  private final List<Future<?>> sent = new ArrayList<>();
  private ScriptedApiServer server;
  private EventRecorder recorder;
  private final Pod pod = new Pod();

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    server.always(
        HttpMethod.POST, EVENTS, r -> true, (req, r) -> json(201, r.body()).respond(req, r));
    recorder =
        EventRecorder.forNode(
            SCRIPTED.client(),
            "kubelet",
            "node-1",
            Clock.fixed(Instant.parse("2026-01-01T00:00:00.5Z"), ZoneOffset.UTC),
            write -> sent.add(write.get()));
    pod.meta().namespace = "default";
    pod.meta().name = "web";
    pod.meta().uid = "uid-1";
  }

  @Test
  void anEventAboutAContainerNamesItsFieldAndTheNode() throws Exception {
    recorder.warning(pod, EventRecorder.containerField("main"), "BackOff", "Back-off");
    sent.forEach(Await::result);

    JsonNode event = Json.mapper().readTree(server.requests().get(0).body());
    assertThat(event.path("involvedObject").path("kind").asText()).isEqualTo("Pod");
    assertThat(event.path("involvedObject").path("fieldPath").asText())
        .isEqualTo("spec.containers{main}");
    assertThat(event.path("source").path("component").asText()).isEqualTo("kubelet");
    assertThat(event.path("source").path("host").asText()).isEqualTo("node-1");
    assertThat(event.path("reportingInstance").asText()).isEqualTo("node-1");
    assertThat(event.path("type").asText()).isEqualTo("Warning");
    assertThat(event.path("lastTimestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void aRepeatBumpsTheCountOfTheEventItRepeats() throws Exception {
    String name = firstPulled();
    server.always(HttpMethod.PATCH, EVENTS + "/" + name, r -> true, json(200, "{}"));

    recorder.normal(pod, "Pulled", "present");
    sent.forEach(Await::result);

    ScriptedApiServer.Recorded bump = server.requests().get(1);
    assertThat(bump.method()).isEqualTo(HttpMethod.PATCH);
    assertThat(Json.mapper().readTree(bump.body()).path("count").asInt()).isEqualTo(2);
  }

  @Test
  void aRepeatOfAnEventThatIsGoneCreatesItAgainWithTheSameName() throws Exception {
    String name = firstPulled();
    server.always(
        HttpMethod.PATCH, EVENTS + "/" + name, r -> true, status(404, "NotFound", "not found"));

    recorder.normal(pod, "Pulled", "present");
    sent.forEach(Await::result);

    assertThat(server.requests())
        .extracting(ScriptedApiServer.Recorded::method)
        .containsExactly(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.POST);
    JsonNode again = Json.mapper().readTree(server.requests().get(2).body());
    assertThat(again.at("/metadata/name").asText()).isEqualTo(name);
    assertThat(again.path("count").asInt()).isEqualTo(2);
  }

  /** Records the first Pulled event and returns the name it was created with. */
  private String firstPulled() throws Exception {
    recorder.normal(pod, "Pulled", "present");
    sent.forEach(Await::result);
    return Json.mapper().readTree(server.requests().get(0).body()).at("/metadata/name").asText();
  }
}

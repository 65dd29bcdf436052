package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ProtoWriter.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.http.Http;
import dev.skiff.server.testing.TestApiServers;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protobuf request bodies over real HTTP: created and replaced objects, and the error replies. */
class ProtobufBodiesIT {
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1);
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static Http.Reply send(String method, String path, byte[] body) {
    return http.send(
        http.request(path)
            .header("Content-Type", KubeProtobuf.MEDIA_TYPE)
            .header("Accept", KubeProtobuf.MEDIA_TYPE + ",application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private static ProtoWriter meta(String name) {
    return message().string(1, name).string(3, "").entry(11, "app", name);
  }

  @Test
  void protobufPodIsCreatedDefaultedAndAnsweredInJson() {
    ProtoWriter container =
        message()
            .string(1, "web")
            .string(2, "skiff/busybox:1")
            .message(6, message().varint(3, 8080))
            .message(7, message().string(1, "MODE").string(2, "test"));
    byte[] pod =
        ProtoWriter.envelope(
            "v1",
            "Pod",
            message().message(1, meta("p1")).message(2, message().message(2, container)));
    Http.Reply created = send("POST", "/api/v1/namespaces/default/pods", pod);
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    JsonNode stored = http.get("/api/v1/namespaces/default/pods/p1").json();
    assertThat(stored.at("/metadata/labels/app").asText()).isEqualTo("p1");
    assertThat(stored.at("/spec/containers/0/image").asText()).isEqualTo("skiff/busybox:1");
    assertThat(stored.at("/spec/containers/0/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(stored.at("/spec/containers/0/ports/0/protocol").asText()).isEqualTo("TCP");
    assertThat(stored.at("/spec/containers/0/env/0/value").asText()).isEqualTo("test");
    assertThat(stored.at("/spec/restartPolicy").asText()).isEqualTo("Always");
    assertThat(stored.at("/status/phase").asText()).isEqualTo("Pending");
  }

  @Test
  void protobufPutReplacesAnObject() {
    assertThat(
            http.send(
                    "POST",
                    "/api/v1/namespaces",
                    "application/json",
                    "{\"metadata\":{\"name\":\"pbput\"}}")
                .code())
        .isEqualTo(201);
    String version =
        http.get("/api/v1/namespaces/pbput").json().at("/metadata/resourceVersion").asText();
    byte[] namespace =
        ProtoWriter.envelope(
            "v1",
            "Namespace",
            message()
                .message(1, meta("pbput").string(6, version).entry(12, "note", "via protobuf")));
    Http.Reply replaced = send("PUT", "/api/v1/namespaces/pbput", namespace);
    assertThat(replaced.code()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().at("/metadata/annotations/note").asText()).isEqualTo("via protobuf");
  }

  @Test
  void kindWithoutASchemaIsUnsupportedMediaTypeAndTheServerStaysUp() {
    byte[] binding = ProtoWriter.envelope("v1", "Binding", message().message(1, meta("b")));
    Http.Reply onPods = send("POST", "/api/v1/namespaces/default/pods", binding);
    assertThat(onPods.code()).isEqualTo(415);
    assertThat(onPods.json().path("kind").asText()).isEqualTo("Status");
    assertThat(onPods.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
    assertThat(http.get("/version").code()).isEqualTo(200);
  }

  @Test
  void malformedProtobufIsBadRequestAndTheServerStaysUp() {
    byte[] truncated = ProtoWriter.envelope("v1", "Pod", message().message(1, meta("bad")));
    byte[] body = java.util.Arrays.copyOf(truncated, truncated.length - 3);
    Http.Reply reply = send("POST", "/api/v1/namespaces/default/pods", body);
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json().path("reason").asText()).isEqualTo("BadRequest");
    Http.Reply noMagic =
        send("POST", "/api/v1/namespaces/default/pods", "{\"kind\":\"Pod\"}".getBytes());
    assertThat(noMagic.code()).isEqualTo(400);
    assertThat(http.get("/api/v1/namespaces/default/pods").code()).isEqualTo(200);
  }
}

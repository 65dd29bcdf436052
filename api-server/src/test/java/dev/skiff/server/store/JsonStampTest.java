package dev.skiff.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stamping a resourceVersion into JSON bytes gives what stamping the tree would. */
class JsonStampTest {
  private static StoredObject stamp(long rv, String json, int pad) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[pad + body.length];
    System.arraycopy(body, 0, padded, pad, body.length);
    return JsonStamp.stamp(rv, padded, pad);
  }

  private static ObjectNode expected(long rv, String json) {
    return ObjectCodec.stamp(Json.tree(json.getBytes(StandardCharsets.UTF_8)), rv);
  }

  @Test
  void insertsTheVersionIntoMetadataAfterAnOffset() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{}}";

    StoredObject stored = stamp(42, json, 11);

    assertThat(stored.resourceVersion()).isEqualTo(42);
    assertThat(stored.tree()).isEqualTo(expected(42, json));
    assertThat(stored.hasTypeMeta()).isTrue();
  }

  @Test
  void stampsAnEmptyMetadataObject() {
    String json = "{\"kind\":\"Pod\",\"metadata\":{ }}";

    StoredObject stored = stamp(7, json, 0);

    assertThat(stored.tree()).isEqualTo(expected(7, json));
    assertThat(stored.hasTypeMeta()).isFalse();
  }

  @Test
  void addsMetadataToAnObjectWithout() {
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"metadata\":{}}}";

    StoredObject stored = stamp(9, json, 8);

    assertThat(stored.tree()).isEqualTo(expected(9, json));
    assertThat(stored.tree().path("spec").path("metadata").size()).isZero();
    assertThat(stored.hasTypeMeta()).isTrue();
  }

  @Test
  void findsTypeMetaAndMetadataInAnyFieldOrder() {
    Random random = new Random(20261126L);
    String[] fields = {
      "\"apiVersion\":\"apps/v1\"",
      "\"kind\":\"Deployment\"",
      "\"metadata\":{\"name\":\"x\",\"labels\":{\"metadata\":\"{\"}}",
      "\"spec\":{\"metadata\":{\"name\":\"nested\"},\"list\":[{\"kind\":1}]}",
      "\"status\":{}"
    };
    for (int round = 0; round < 200; round++) {
      for (int i = fields.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String t = fields[i];
        fields[i] = fields[j];
        fields[j] = t;
      }
      String json = "{" + String.join(",", fields) + "}";
      long rv = 1 + random.nextInt(1_000_000);

      StoredObject stored = stamp(rv, json, random.nextInt(12));

      assertThat(stored.tree()).as(json).isEqualTo(expected(rv, json));
      assertThat(stored.hasTypeMeta()).as(json).isTrue();
    }
  }
}

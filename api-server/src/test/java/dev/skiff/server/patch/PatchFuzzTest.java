package dev.skiff.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated PATCH bodies of every type: the only exception that may escape is a
 * StatusException with a client-error code, the live object is never modified, and a result never
 * holds a directive key. Seeds are fixed so a failure reproduces.
 */
class PatchFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MUTATIONS = "{}[]\":,-$/~ \n\tanull0";
  private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 413, 422);
  private static final List<String> KEYS =
      List.of(
          "$patch",
          "$retainKeys",
          "$setElementOrder/containers",
          "$setElementOrder/env",
          "$deleteFromPrimitiveList/finalizers",
          "$setElementOrder/finalizers",
          "spec",
          "template",
          "containers",
          "name",
          "env",
          "ports",
          "containerPort",
          "metadata",
          "finalizers",
          "labels",
          "strategy",
          "type",
          "rollingUpdate",
          "conditions",
          "ownerReferences",
          "uid",
          "op",
          "path",
          "from",
          "value",
          "resourceVersion",
          "status",
          "volumes");
  private static final List<String> TEXTS =
      List.of(
          "replace",
          "delete",
          "merge",
          "add",
          "remove",
          "move",
          "copy",
          "test",
          "",
          "a",
          "E1",
          "/spec",
          "/spec/template/spec/containers/0",
          "/spec/template/spec/containers/-",
          "/metadata/labels/a",
          "/metadata/resourceVersion",
          "/spec/template/spec/containers/01",
          "/a~1b",
          "/a~2b",
          "~",
          "-",
          "/",
          "Recreate",
          "name",
          "containerPort");
  private static final List<String> SEEDS =
      List.of(
          "{\"metadata\":{\"labels\":{\"extra\":null}},\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],"
              + "\"rollingUpdate\":null,\"type\":\"Recreate\"},\"template\":{\"spec\":{\"$setElementOrder/containers\":"
              + "[{\"name\":\"a\"}],\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"E2\"}],\"args\":[\"x\"],"
              + "\"env\":[{\"name\":\"E2\",\"value\":\"2\"},{\"$patch\":\"delete\",\"name\":\"E1\"}],\"name\":\"a\","
              + "\"ports\":[{\"$patch\":\"delete\",\"containerPort\":81}]},{\"$patch\":\"delete\",\"name\":\"b\"}]}}}}",
          "[{\"op\":\"add\",\"path\":\"/metadata/labels/x\",\"value\":\"1\"},"
              + "{\"op\":\"move\",\"from\":\"/spec/replicas\",\"path\":\"/spec/r\"},"
              + "{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/name\",\"value\":\"a\"}]",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n"
              + "      containers:\n      - name: a\n        image: x\n        ports:\n        - containerPort: 80\n",
          "{\"metadata\":{\"finalizers\":[\"x\"],\"$deleteFromPrimitiveList/finalizers\":[\"a\"],"
              + "\"resourceVersion\":\"3\"}}");

  private static final ObjectNode DEPLOYMENT =
      (ObjectNode)
          Trees.tree(
              "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'api','labels':{'a':'1'},"
                  + "'finalizers':['a','b'],'resourceVersion':'3'},'spec':{'replicas':2,"
                  + "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},"
                  + "'template':{'spec':{'containers':[{'name':'a','env':[{'name':'E1','value':'1'}],"
                  + "'ports':[{'containerPort':80},{'containerPort':81}]},{'name':'b'}]}}},"
                  + "'status':{'conditions':[{'type':'Available','status':'True'}]}}");

  @Test
  void randomTreesOnlyEverFailWithClientStatus() {
    Random random = new Random(20250101);
    for (int i = 0; i < 1500; i++) {
      JsonNode body = randomValue(random, 0);
      ObjectNode live =
          random.nextInt(4) == 0 && randomValue(random, 0) instanceof ObjectNode o ? o : DEPLOYMENT;
      check(live, Json.toBytes(body));
    }
  }

  @Test
  void randomJsonPatchOperationsOnlyEverFailWithClientStatus() {
    Random random = new Random(6902);
    for (int i = 0; i < 1500; i++) {
      ArrayNode operations = NODES.arrayNode();
      for (int n = random.nextInt(4); n >= 0; n--) {
        ObjectNode operation = operations.addObject();
        operation.put("op", pick(random, TEXTS));
        operation.put("path", randomPath(random));
        if (random.nextBoolean()) {
          operation.put("from", randomPath(random));
        }
        if (random.nextInt(4) > 0) {
          operation.set("value", randomValue(random, 2));
        }
      }
      check(DEPLOYMENT, Json.toBytes(operations));
    }
  }

  @Test
  void mutatedBodiesOnlyEverFailWithClientStatus() {
    Random random = new Random(7386);
    for (int i = 0; i < 3000; i++) {
      byte[] body = pick(random, SEEDS).getBytes(StandardCharsets.UTF_8);
      for (int n = random.nextInt(3); n >= 0; n--) {
        body = mutate(random, body);
      }
      check(DEPLOYMENT, body);
    }
  }

  private static void check(ObjectNode live, byte[] body) {
    ObjectNode before = live.deepCopy();
    for (PatchType type : PatchType.values()) {
      for (ResourceType resource :
          new ResourceType[] {Resources.DEPLOYMENTS, Resources.PODS, null}) {
        try {
          ObjectNode result = Patches.apply(live, body, type, resource);
          Patches.resourceVersionPrecondition(body, type.contentType());
          assertThat(Trees.hasDollarKey(result)).as(describe(type, body)).isFalse();
        } catch (StatusException e) {
          assertThat(e.code())
              .as(describe(type, body) + " -> " + e.getMessage())
              .isIn(CLIENT_ERRORS);
          assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException | Error e) {
          fail(describe(type, body) + " threw " + e, e);
        }
        assertThat(live).as(describe(type, body)).isEqualTo(before);
      }
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    int choice = random.nextInt(depth >= 5 ? 5 : 8);
    return switch (choice) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.textNode(pick(random, TEXTS));
      case 2 ->
          NODES.numberNode(
              random.nextInt(5) == 0 ? random.nextDouble() * 100 : random.nextInt(200) - 20);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.textNode(pick(random, KEYS));
      case 5 -> {
        ArrayNode array = NODES.arrayNode();
        for (int n = random.nextInt(4); n > 0; n--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int n = random.nextInt(5); n > 0; n--) {
          object.set(pick(random, KEYS), randomValue(random, depth + 1));
        }
        yield object;
      }
    };
  }

  private static String randomPath(Random random) {
    StringBuilder path = new StringBuilder();
    for (int n = random.nextInt(5); n > 0; n--) {
      path.append('/')
          .append(random.nextBoolean() ? pick(random, KEYS) : String.valueOf(random.nextInt(3)));
    }
    return random.nextInt(10) == 0 ? pick(random, TEXTS) : path.toString();
  }

  private static byte[] mutate(Random random, byte[] body) {
    if (body.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(body.length);
    byte[] out;
    switch (random.nextInt(4)) {
      case 0 -> {
        out = body.clone();
        out[at] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
      }
      case 1 -> {
        int length = Math.min(body.length - at, 1 + random.nextInt(8));
        out = new byte[body.length - length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(body, at + length, out, at, body.length - at - length);
      }
      case 2 -> {
        out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(body, at, out, at + 1, body.length - at);
      }
      default -> out = java.util.Arrays.copyOf(body, at);
    }
    return out;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String describe(PatchType type, byte[] body) {
    return type.contentType() + " " + new String(body, StandardCharsets.UTF_8);
  }
}

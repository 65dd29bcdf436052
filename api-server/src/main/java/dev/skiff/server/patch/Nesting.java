package dev.skiff.server.patch;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The nesting limit of request bodies and of what patches produce. Everything downstream of a
 * decoded body recurses (patch appliers, the model's decoding, encoding), and the server's threads
 * run with small stacks: a body nested 1,000 levels deep overflowed them. Readers made here refuse
 * deeper documents while they parse, before anything recurses; {@link #check} bounds a patch's
 * result, which a series of shallow patches could otherwise deepen without limit. No Kubernetes
 * object comes close: a Deployment's deepest field is about 12 levels down.
 */
public final class Nesting {
  /** Arrays and objects, counted from the body's outermost value as 1. */
  public static final int MAX_DEPTH = 100;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();

  private Nesting() {}

  /** A copy of {@code mapper} whose parsers fail beyond {@link #MAX_DEPTH}. */
  public static ObjectMapper limited(ObjectMapper mapper) {
    ObjectMapper copy = mapper.copy();
    copy.getFactory().setStreamReadConstraints(CONSTRAINTS);
    return copy;
  }

  /** Whether a parse failure is the nesting limit (or another of Jackson's stream limits). */
  public static boolean isLimit(Throwable e) {
    return e instanceof StreamConstraintsException;
  }

  /** What the client is told when a body is too deep. */
  public static String tooDeep() {
    return "the request body is nested more than " + MAX_DEPTH + " levels deep";
  }

  /**
   * Refuses a patch result deeper than {@link #MAX_DEPTH}: 422 Invalid on the field {@code patch},
   * as the real server answers a patched object it cannot decode. Walks without recursion.
   */
  static void check(JsonNode result) {
    Deque<JsonNode> level = new ArrayDeque<>();
    level.add(result);
    for (int depth = 1; !level.isEmpty(); depth++) {
      if (depth > MAX_DEPTH) {
        throw PatchErrors.notApplicable(
            "patch", "the patched object is nested more than " + MAX_DEPTH + " levels deep");
      }
      Deque<JsonNode> next = new ArrayDeque<>();
      for (JsonNode node : level) {
        node.forEach(
            child -> {
              if (child.isContainerNode()) {
                next.add(child);
              }
            });
      }
      level = next;
    }
  }
}

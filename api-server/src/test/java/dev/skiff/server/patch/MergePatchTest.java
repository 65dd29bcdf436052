package dev.skiff.server.patch;

import static dev.skiff.server.patch.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {
  /** RFC 7386 appendix A, plus nested deletes. */
  static Stream<Arguments> rfc7386() {
    return Stream.of(
        Arguments.of("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
        Arguments.of("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
        Arguments.of("{'a':'b'}", "{'a':null}", "{}"),
        Arguments.of("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"),
        Arguments.of("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
        Arguments.of("{'a':'c'}", "{'a':['b']}", "{'a':['b']}"),
        Arguments.of("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
        Arguments.of("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
        Arguments.of("['a','b']", "['c','d']", "['c','d']"),
        Arguments.of("{'a':'b'}", "['c']", "['c']"),
        Arguments.of("{'a':'foo'}", "null", "null"),
        Arguments.of("{'a':'foo'}", "'bar'", "'bar'"),
        Arguments.of("{'e':null}", "{'a':1}", "{'e':null,'a':1}"),
        Arguments.of("[1,2]", "{'a':'b','c':null}", "{'a':'b'}"),
        Arguments.of("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"),
        Arguments.of(
            "{'metadata':{'labels':{'app':'web','env':'dev'}}}",
            "{'metadata':{'labels':{'env':null,'tier':'fe'}}}",
            "{'metadata':{'labels':{'app':'web','tier':'fe'}}}"),
        Arguments.of(
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c'}]}}",
            "{'spec':{'containers':[{'name':'c'}]}}"));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @MethodSource("rfc7386")
  void appliesAsRfc7386Says(String target, String patch, String expected) {
    assertThat(MergePatch.apply(tree(target), tree(patch))).isEqualTo(tree(expected));
  }

  @Test
  void leavesTargetAndPatchUntouched() {
    JsonNode target = tree("{'a':{'b':1,'c':[1,2]}}");
    JsonNode patch = tree("{'a':{'b':null,'d':{'e':null}}}");
    JsonNode targetBefore = target.deepCopy();
    JsonNode patchBefore = patch.deepCopy();

    JsonNode result = MergePatch.apply(target, patch);
    ((com.fasterxml.jackson.databind.node.ObjectNode) result.get("a")).put("x", 1);

    assertThat(target).isEqualTo(targetBefore);
    assertThat(patch).isEqualTo(patchBefore);
  }
}

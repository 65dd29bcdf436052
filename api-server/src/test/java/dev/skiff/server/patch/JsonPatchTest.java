package dev.skiff.server.patch;

import static dev.skiff.server.patch.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {
  /** RFC 6902 appendix A (the applicable examples), plus copy and root operations. */
  static Stream<Arguments> applicable() {
    return Stream.of(
        Arguments.of(
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz','value':'qux'}]",
            "{'baz':'qux','foo':'bar'}"),
        Arguments.of(
            "{'foo':['bar','baz']}",
            "[{'op':'add','path':'/foo/1','value':'qux'}]",
            "{'foo':['bar','qux','baz']}"),
        Arguments.of(
            "{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}"),
        Arguments.of(
            "{'foo':['bar','qux','baz']}",
            "[{'op':'remove','path':'/foo/1'}]",
            "{'foo':['bar','baz']}"),
        Arguments.of(
            "{'baz':'qux','foo':'bar'}",
            "[{'op':'replace','path':'/baz','value':'boo'}]",
            "{'baz':'boo','foo':'bar'}"),
        Arguments.of(
            "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
            "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
            "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"),
        Arguments.of(
            "{'foo':['all','grass','cows','eat']}",
            "[{'op':'move','from':'/foo/1','path':'/foo/3'}]",
            "{'foo':['all','cows','eat','grass']}"),
        Arguments.of(
            "{'baz':'qux','foo':['a',2,'c']}",
            "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
            "{'baz':'qux','foo':['a',2,'c']}"),
        Arguments.of(
            "{'foo':'bar'}",
            "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
            "{'foo':'bar','child':{'grandchild':{}}}"),
        Arguments.of(
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz','value':'qux','xyz':123}]",
            "{'foo':'bar','baz':'qux'}"),
        Arguments.of(
            "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}"),
        Arguments.of(
            "{'foo':['bar']}",
            "[{'op':'add','path':'/foo/-','value':['abc','def']}]",
            "{'foo':['bar',['abc','def']]}"),
        Arguments.of(
            "{'a':{'b':1}}",
            "[{'op':'copy','from':'/a','path':'/c'}]",
            "{'a':{'b':1},'c':{'b':1}}"),
        Arguments.of("{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]", "{'b':2}"),
        Arguments.of("{'a':1}", "[{'op':'move','from':'/a','path':'/a'}]", "{'a':1}"),
        Arguments.of("{'a':1.0}", "[{'op':'test','path':'/a','value':1}]", "{'a':1.0}"),
        Arguments.of(
            "{'metadata':{'labels':{'app/x':'1'}}}",
            "[{'op':'replace','path':'/metadata/labels/app~1x','value':'2'}]",
            "{'metadata':{'labels':{'app/x':'2'}}}"),
        Arguments.of("{'a':[1,2]}", "[]", "{'a':[1,2]}"));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("applicable")
  void appliesOperationsInOrder(String target, String patch, String expected) {
    assertThat(JsonPatch.apply(tree(target), tree(patch))).isEqualTo(tree(expected));
  }

  /** Operations that do not apply: 422 Invalid, a cause naming the path. */
  static Stream<Arguments> notApplicable() {
    return Stream.of(
        Arguments.of("{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]", "/baz"),
        Arguments.of("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]", "/~01"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]", "/baz/bat"),
        Arguments.of(
            "{'foo':'bar'}", "[{'op':'remove','path':'/spec/affinity'}]", "/spec/affinity"),
        Arguments.of("{'foo':'bar'}", "[{'op':'replace','path':'/nope','value':1}]", "/nope"),
        Arguments.of("{'foo':[1]}", "[{'op':'add','path':'/foo/2','value':1}]", "/foo/2"),
        Arguments.of("{'foo':[1,2]}", "[{'op':'remove','path':'/foo/01'}]", "/foo/01"),
        Arguments.of("{'foo':[1,2]}", "[{'op':'remove','path':'/foo/-'}]", "/foo/-"),
        Arguments.of("{'foo':[1,2]}", "[{'op':'remove','path':'/foo/x'}]", "/foo/x"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','path':'/foo/x','value':1}]", "/foo/x"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','path':'/a~2b','value':1}]", "/a~2b"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','path':'foo','value':1}]", "foo"),
        Arguments.of("{'foo':'bar'}", "[{'op':'remove','path':''}]", ""),
        Arguments.of("{'foo':'bar'}", "[{'op':'jump','path':'/foo'}]", "/foo"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','path':'/x'}]", "/x"),
        Arguments.of("{'foo':'bar'}", "[{'path':'/x','value':1}]", "op"),
        Arguments.of("{'foo':'bar'}", "[{'op':'add','value':1}]", "path"),
        Arguments.of("{'foo':'bar'}", "[{'op':'move','path':'/x'}]", "from"),
        Arguments.of("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]", "/a/b/c"),
        Arguments.of("{'a':1}", "[{'op':'copy','from':'/zz','path':'/b'}]", "/zz"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("notApplicable")
  void rejectsOperationThatDoesNotApplyWith422(String target, String patch, String field) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class, () -> JsonPatch.apply(tree(target), tree(patch)));

    assertThat(e.code()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(e.getMessage()).isEqualTo(PatchErrors.REJECTED);
    assertThat(e.status().details.causes)
        .singleElement()
        .satisfies(c -> assertThat(c.field).isEqualTo(field));
  }

  @Test
  void failedOperationLeavesTargetUntouched() {
    JsonNode target = tree("{'a':1}");
    catchThrowableOfType(
        StatusException.class,
        () ->
            JsonPatch.apply(
                target, tree("[{'op':'add','path':'/b','value':2},{'op':'remove','path':'/zz'}]")));

    assertThat(target).isEqualTo(tree("{'a':1}"));
  }

  @Test
  void rejectsBodyThatIsNotAnArrayOfObjectsWith400() {
    for (String body : new String[] {"{'op':'add'}", "['add']", "[[]]", "'x'"}) {
      StatusException e =
          catchThrowableOfType(
              StatusException.class, () -> JsonPatch.apply(tree("{}"), tree(body)));
      assertThat(e.code()).as(body).isEqualTo(400);
      assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
    }
  }

  @Test
  void rejectsMoreThanTenThousandOperationsWith413() {
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      patch.addObject().put("op", "test").put("path", "").set("value", tree("{}"));
    }

    StatusException e =
        catchThrowableOfType(StatusException.class, () -> JsonPatch.apply(tree("{}"), patch));

    assertThat(e.code()).isEqualTo(413);
  }
}

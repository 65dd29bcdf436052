package dev.skiff.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Pod;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which pods look related to a Service, and why each one gets no traffic. */
class SelectorExplainerTest {
  static final Map<String, String> SELECTOR = Map.of("app", "web", "tier", "frontend");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a Ready pod with all the labels needs no explanation",
            TraceObjects.pod("web-1", Map.of("app", "web", "tier", "frontend"), true),
            List.of()),
        Arguments.of(
            "extra labels do not matter",
            TraceObjects.pod("web-1", Map.of("app", "web", "tier", "frontend", "v", "2"), true),
            List.of()),
        Arguments.of(
            "a missing label is named",
            TraceObjects.pod("web-4", Map.of("app", "web"), true),
            List.of("pod web-4 is not selected: it lacks label tier=frontend")),
        Arguments.of(
            "a different value is shown next to the wanted one",
            TraceObjects.pod("web-5", Map.of("app", "web", "tier", "backend"), true),
            List.of("pod web-5 is not selected: has tier=backend, selector wants tier=frontend")),
        Arguments.of(
            "a pod sharing no label with the selector is unrelated",
            TraceObjects.pod("db-1", Map.of("app", "db"), true),
            List.of()),
        Arguments.of(
            "a pod without labels is unrelated", TraceObjects.pod("bare", null, true), List.of()),
        Arguments.of(
            "a selected pod whose readiness probe fails",
            TraceObjects.pod("web-2", Map.of("app", "web", "tier", "frontend"), false),
            List.of("pod web-2 is selected but not Ready (readiness probe failing)")),
        Arguments.of(
            "a selected pod that is not scheduled",
            TraceObjects.unscheduled("web-7", Map.of("app", "web", "tier", "frontend")),
            List.of("pod web-7 is selected but not Ready (not scheduled to a node yet)")),
        Arguments.of(
            "a selected pod in a crash loop",
            TraceObjects.crashing("web-8", Map.of("app", "web", "tier", "frontend")),
            List.of(
                "pod web-8 is selected but not Ready (container web is waiting: CrashLoopBackOff)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explainsOnePod(String name, Pod pod, List<String> expected) {
    assertThat(SelectorExplainer.explain(SELECTOR, List.of(pod))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aServiceWithoutSelectorExplainsNothing(String name, Pod pod, List<String> ignored) {
    assertThat(SelectorExplainer.explain(Map.of(), List.of(pod))).isEmpty();
    assertThat(SelectorExplainer.explain(null, List.of(pod))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void lacksAndMismatchesAreBothReportedAndPodsSortByName() {
    Map<String, String> selector = Map.of("app", "web", "tier", "frontend", "env", "prod");
    List<Pod> pods =
        List.of(
            TraceObjects.pod("b", Map.of("app", "web", "env", "dev"), true),
            TraceObjects.pod("a", Map.of("app", "web"), true));

    assertThat(SelectorExplainer.explain(selector, pods))
        .containsExactly(
            "pod a is not selected: it lacks labels env=prod, tier=frontend",
            "pod b is not selected: it lacks label tier=frontend; has env=dev, selector wants env=prod");
  }
}

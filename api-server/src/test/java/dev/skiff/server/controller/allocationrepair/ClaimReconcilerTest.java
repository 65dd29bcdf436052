package dev.skiff.server.controller.allocationrepair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.alloc.Claim;
import dev.skiff.server.controller.allocationrepair.ClaimReconciler.Holder;
import dev.skiff.server.controller.allocationrepair.ClaimReconciler.Plan;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimReconcilerTest {
  private static final long NOW = 100_000;
  private static final long GRACE = 5_000;
  private static final Claim OLD_A = new Claim("a", "default/a", NOW - 60_000);
  private static final Claim YOUNG_A = new Claim("a", "default/a", NOW - 1_000);
  private static final Holder A = new Holder("a", "default/a");
  private static final Holder B = new Holder("b", "default/b");

  /** Desired vs actual: claims, holders, deleted uids -> releases, restores, retry. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("held claim is kept", Map.of("v", OLD_A), Map.of("v", A), Set.of(), 0, 0, -1L),
        Arguments.of("old leak is released", Map.of("v", OLD_A), Map.of(), Set.of(), 1, 0, -1L),
        Arguments.of(
            "young leak waits out the grace",
            Map.of("v", YOUNG_A),
            Map.of(),
            Set.of(),
            0,
            0,
            4_000L),
        Arguments.of(
            "a deleted owner's claim goes at once",
            Map.of("v", YOUNG_A),
            Map.of(),
            Set.of("a"),
            1,
            0,
            -1L),
        Arguments.of(
            "unclaimed held value is restored", Map.of(), Map.of("v", B), Set.of(), 0, 1, -1L),
        Arguments.of(
            "stale claim on a held value moves to the holder",
            Map.of("v", OLD_A),
            Map.of("v", B),
            Set.of(),
            0,
            1,
            -1L),
        Arguments.of(
            "young claim on another's value waits",
            Map.of("v", YOUNG_A),
            Map.of("v", B),
            Set.of(),
            0,
            0,
            4_000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void repairPlans(
      String name,
      Map<String, Claim> claims,
      Map<String, Holder> held,
      Set<String> deleted,
      int releases,
      int restores,
      long retry) {
    Plan plan = ClaimReconciler.plan(claims, held, deleted, NOW, GRACE, true);
    assertThat(plan.releases()).hasSize(releases);
    assertThat(plan.restores()).hasSize(restores);
    assertThat(plan.retryAfterMillis()).isEqualTo(retry);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aRebuildNeverReleases(
      String name,
      Map<String, Claim> claims,
      Map<String, Holder> held,
      Set<String> deleted,
      int releases,
      int restores,
      long retry) {
    Plan plan = ClaimReconciler.plan(claims, held, deleted, NOW, GRACE, false);
    assertThat(plan.releases()).isEmpty();
    assertThat(plan.restores()).hasSize(restores);
  }
}

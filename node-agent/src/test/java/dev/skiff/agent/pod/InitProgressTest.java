package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.api.model.core.Container;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitProgressTest {
  final Container a = container("a");
  final Container b = container("b");
  final Map<String, ContainerInfo> latest = new HashMap<>();

  @Test
  void noInitContainersMeansDone() {
    assertThat(InitProgress.of(null, "Always", latest::get).done()).isTrue();
    assertThat(InitProgress.of(List.of(), "Always", latest::get).done()).isTrue();
  }

  @Test
  void runsThemInOrder() {
    assertThat(InitProgress.of(List.of(a, b), "Always", latest::get).next()).isSameAs(a);
    latest.put("a", info(ContainerInfo.State.RUNNING, null));
    assertThat(InitProgress.of(List.of(a, b), "Always", latest::get).next()).isSameAs(a);
    latest.put("a", info(ContainerInfo.State.EXITED, 0));
    assertThat(InitProgress.of(List.of(a, b), "Always", latest::get).next()).isSameAs(b);
    latest.put("b", info(ContainerInfo.State.EXITED, 0));
    assertThat(InitProgress.of(List.of(a, b), "Always", latest::get).done()).isTrue();
  }

  @Test
  void aFailureIsRetriedUnlessThePodNeverRestarts() {
    latest.put("a", info(ContainerInfo.State.EXITED, 1));
    assertThat(InitProgress.of(List.of(a, b), "OnFailure", latest::get).next()).isSameAs(a);
    assertThat(InitProgress.of(List.of(a, b), "Always", latest::get).next()).isSameAs(a);
    InitProgress never = InitProgress.of(List.of(a, b), "Never", latest::get);
    assertThat(never.failed()).isTrue();
    assertThat(never.done()).isFalse();
    assertThat(InitProgress.policy("Always")).isEqualTo("OnFailure");
    assertThat(InitProgress.policy("Never")).isEqualTo("Never");
  }

  private static Container container(String name) {
    Container c = new Container();
    c.name = name;
    return c;
  }

  private static ContainerInfo info(ContainerInfo.State state, Integer exit) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new ContainerInfo(
        "id",
        "uid",
        "x",
        0,
        "img",
        "img",
        state,
        t,
        exit == null ? null : t,
        exit,
        exit == null ? null : ContainerInfo.exitReason(exit),
        null);
  }
}

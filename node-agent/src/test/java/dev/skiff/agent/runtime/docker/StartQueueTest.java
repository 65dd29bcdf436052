package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StartQueueTest {

  @Test
  void runsAtMostTheLimitAtOnceAndContainersBeforeWaitingSandboxes() {
    StartQueue queue = new StartQueue(2);
    List<String> started = new ArrayList<>();
    List<Promise<String>> running = new ArrayList<>();
    List<Future<String>> answers = new ArrayList<>();
    String[] names = {"sandbox-a", "sandbox-b", "sandbox-c", "container-a", "container-b"};
    for (String name : names) {
      StartQueue.Priority priority =
          name.startsWith("sandbox") ? StartQueue.Priority.SANDBOX : StartQueue.Priority.CONTAINER;
      answers.add(
          queue.submit(
              priority,
              () -> {
                started.add(name);
                Promise<String> p = Promise.promise();
                running.add(p);
                return p.future();
              }));
    }
    assertThat(started).containsExactly("sandbox-a", "sandbox-b");
    assertThat(queue.waiting()).isEqualTo(3);

    running.get(0).complete("done-a");
    assertThat(started).containsExactly("sandbox-a", "sandbox-b", "container-a");
    assertThat(answers.get(0).result()).isEqualTo("done-a");

    running.get(1).fail(new IllegalStateException("engine said no"));
    running.get(2).complete("x");
    assertThat(started)
        .containsExactly("sandbox-a", "sandbox-b", "container-a", "container-b", "sandbox-c");
    assertThat(answers.get(1).failed()).isTrue();
    assertThat(queue.waiting()).isZero();
  }

  @Test
  void neverExceedsTheLimitAndRunsEverythingWhateverTheCompletionOrder() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      int limit = 1 + random.nextInt(5);
      StartQueue queue = new StartQueue(limit);
      List<Promise<Void>> running = new ArrayList<>();
      int[] active = {0};
      int[] peak = {0};
      int total = 1 + random.nextInt(40);
      List<Future<Void>> answers = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        StartQueue.Priority priority =
            random.nextBoolean() ? StartQueue.Priority.SANDBOX : StartQueue.Priority.CONTAINER;
        boolean throwsAtOnce = random.nextInt(10) == 0;
        answers.add(
            queue.submit(
                priority,
                () -> {
                  if (throwsAtOnce) {
                    throw new IllegalStateException("bad request");
                  }
                  active[0]++;
                  peak[0] = Math.max(peak[0], active[0]);
                  Promise<Void> p = Promise.promise();
                  running.add(p);
                  return p.future().onComplete(ar -> active[0]--);
                }));
      }
      while (running.stream().anyMatch(p -> !p.future().isComplete())) {
        List<Promise<Void>> open = running.stream().filter(p -> !p.future().isComplete()).toList();
        open.get(random.nextInt(open.size())).complete();
      }
      assertThat(peak[0]).isLessThanOrEqualTo(limit);
      assertThat(answers).allMatch(Future::isComplete);
      assertThat(queue.waiting()).isZero();
    }
  }
}

package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWritesTest {
  private final EventWrites writes = new EventWrites();
  private final List<Promise<Void>> sent = new ArrayList<>();

  private void submit(int count) {
    for (int i = 0; i < count; i++) {
      writes.submit(
          () -> {
            Promise<Void> p = Promise.promise();
            sent.add(p);
            return p.future();
          });
    }
  }

  @Test
  void sendsUpToFourAtOnceAndTheRestAsEarlierOnesAreAnswered() {
    submit(6);
    assertThat(sent).hasSize(EventWrites.MAX_IN_FLIGHT);
    assertThat(writes.queued()).isEqualTo(2);

    sent.get(0).complete();
    sent.get(1).fail(new IllegalStateException("api-server said no"));
    assertThat(sent).hasSize(6);
    assertThat(writes.queued()).isZero();
  }

  @Test
  void sendsOneEventAtATimeWhileStatusWritesAreInFlightAndCatchesUpAfter() {
    writes.statusWriteStarted();
    writes.statusWriteStarted();
    submit(5);
    assertThat(sent).hasSize(1);

    sent.get(0).complete();
    assertThat(sent).hasSize(2);
    assertThat(writes.inFlight()).isEqualTo(1);

    writes.statusWriteDone();
    assertThat(sent).hasSize(2);
    writes.statusWriteDone();
    assertThat(sent).hasSize(5);
    assertThat(writes.inFlight()).isEqualTo(4);
  }

  @Test
  void dropsEventsBeyondTheQueueBound() {
    writes.statusWriteStarted();
    submit(1 + EventWrites.MAX_QUEUED + 10);
    assertThat(writes.queued()).isEqualTo(EventWrites.MAX_QUEUED);
    writes.statusWriteDone();
    while (sent.stream().anyMatch(p -> !p.future().isComplete())) {
      sent.stream().filter(p -> !p.future().isComplete()).findFirst().get().complete();
    }
    assertThat(sent).hasSize(1 + EventWrites.MAX_QUEUED);
    assertThat(sent).allMatch(p -> p.future().isComplete());
  }
}

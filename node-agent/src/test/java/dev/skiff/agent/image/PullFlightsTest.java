package dev.skiff.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ImageService;
import dev.skiff.agent.runtime.ImageStatus;
import dev.skiff.agent.runtime.RegistryAuth;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullFlightsTest {
  /** Pulls that complete when the test says. */
  static final class Engine implements ImageService {
    final List<String> pulls = new ArrayList<>();
    final List<Promise<ImageStatus>> pending = new ArrayList<>();

    @Override
    public Future<ImageStatus> status(String image) {
      return Future.succeededFuture();
    }

    @Override
    public Future<ImageStatus> pull(String image, RegistryAuth auth) {
      pulls.add(image + " as " + (auth == null ? "anonymous" : auth.username()));
      Promise<ImageStatus> p = Promise.promise();
      pending.add(p);
      return p.future();
    }
  }

  static final ImageStatus STATUS = new ImageStatus("sha256:1", "docker://sha256:1", 10);
  static final RegistryAuth ALICE = new RegistryAuth("alice", "pw", null, "r", null, null);
  static final RegistryAuth BOB = new RegistryAuth("bob", "pw", null, "r", null, null);

  final Engine engine = new Engine();
  final PullFlights flights = new PullFlights(engine);

  @Test
  void podsAskingForTheSameImageAtOnceShareOnePull() {
    Future<PullFlights.Pulled> a = flights.pull("r/app:1", List.of());
    Future<PullFlights.Pulled> b = flights.pull("r/app:1", List.of());

    assertThat(engine.pulls).containsExactly("r/app:1 as anonymous");
    engine.pending.get(0).complete(STATUS);
    assertThat(a.result().status()).isEqualTo(STATUS);
    assertThat(b.result().status()).isEqualTo(STATUS);
    assertThat(flights.running()).isZero();

    flights.pull("r/app:1", List.of());
    assertThat(engine.pulls).hasSize(2);
  }

  @Test
  void otherCredentialsPullForThemselves() {
    flights.pull("r/app:1", List.of(ALICE));
    flights.pull("r/app:1", List.of(BOB));
    flights.pull("r/app:1", List.of());

    assertThat(engine.pulls)
        .containsExactly("r/app:1 as alice", "r/app:1 as bob", "r/app:1 as anonymous");
  }

  @Test
  void triesEachCredentialInTurnAndNamesEveryErrorWhenAllFail() {
    Future<PullFlights.Pulled> pulled = flights.pull("r/app:1", List.of(ALICE, BOB));

    engine.pending.get(0).fail("unauthorized: alice");
    assertThat(engine.pulls).containsExactly("r/app:1 as alice", "r/app:1 as bob");
    engine.pending.get(1).fail("unauthorized: bob");

    assertThat(pulled.failed()).isTrue();
    assertThat(pulled.cause()).hasMessage("[unauthorized: alice, unauthorized: bob]");
    assertThat(flights.running()).isZero();
  }
}

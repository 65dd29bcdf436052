package dev.skiff.api.client.informer;

import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.Fixtures.podList;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.ScriptedApiServer;
import dev.skiff.api.client.ScriptedApiServer.Recorded;
import dev.skiff.api.client.ScriptedServerExtension;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Informers from a shared factory are views of one list+watch and one cache: each has its own
 * handlers (called on its own context), indexes and lifetime; the watch ends with the last one.
 */
class SharedInformerTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();

  @Test
  void viewsShareOneWatchAndCacheButNotHandlersIndexesOrLifetime() {
    ScriptedApiServer server = SCRIPTED.server();
    server.always(HttpMethod.GET, PODS, r -> !r.isWatch(), json(200, podList("10", pod("a", "3"))));
    server.always(HttpMethod.GET, PODS, Recorded::isWatch, server.stream());
    InformerFactory factory = InformerFactory.shared(SCRIPTED.vertx(), SCRIPTED.client());
    InformerOptions options = InformerOptions.inNamespace("default");

    RecordingHandler<Pod> first = new RecordingHandler<>();
    RecordingHandler<Pod> second = new RecordingHandler<>();
    Informer<Pod> one = factory.informer(Pod.class, options).addEventHandler(first);
    Informer<Pod> two = factory.informer(Pod.class, options).addEventHandler(second);
    one.addIndex("name", p -> List.of(p.meta().name));
    two.addIndex("name", p -> List.of("other-" + p.meta().name));
    Await.result(one.start());
    Await.result(two.start());

    assertThat(factory.sharedWatches()).isEqualTo(1);
    assertThat(server.listRequests()).hasSize(1);
    ScriptedApiServer.Stream stream = server.nextStream();
    assertThat(first.calls()).containsExactly("add a@3");
    assertThat(second.calls()).containsExactly("add a@3");
    assertThat(one.byIndex("name", "a")).hasSize(1);
    assertThat(two.byIndex("name", "other-a")).hasSize(1);
    assertThat(two.byIndex("name", "a")).isEmpty();

    stream.event("ADDED", pod("b", "11"));
    await().until(() -> first.calls().size() == 2 && second.calls().size() == 2);
    assertThat(one.get("default", "b")).isSameAs(two.get("default", "b"));

    // one view stops: the other keeps the watch; a late view gets the cache as adds
    Await.result(two.stop());
    RecordingHandler<Pod> late = new RecordingHandler<>();
    Informer<Pod> three = factory.informer(Pod.class, options).addEventHandler(late);
    Await.result(three.start());
    assertThat(late.calls()).containsExactlyInAnyOrder("add a@3", "add b@11");
    stream.event("MODIFIED", pod("a", "12"));
    await().until(() -> first.calls().size() == 3 && late.calls().size() == 3);
    assertThat(first.calls()).endsWith("update a@3->a@12");
    assertThat(second.calls()).hasSize(2);
    assertThat(server.listRequests()).hasSize(1);
    assertThat(first.threads).allMatch(t -> t == first.threads.get(0));

    Await.result(one.stop());
    Await.result(three.stop());
    assertThat(factory.sharedWatches()).isZero();
  }

  @Test
  void differentSelectorsAreDifferentWatches() {
    ScriptedApiServer server = SCRIPTED.server();
    server.always(HttpMethod.GET, PODS, r -> !r.isWatch(), json(200, podList("10")));
    server.always(HttpMethod.GET, PODS, Recorded::isWatch, server.stream());
    InformerFactory factory = InformerFactory.shared(SCRIPTED.vertx(), SCRIPTED.client());
    Informer<Pod> all = factory.informer(Pod.class, InformerOptions.inNamespace("default"));
    Informer<Pod> some =
        factory.informer(
            Pod.class, InformerOptions.inNamespace("default").withFieldSelector("spec.nodeName=n"));
    Await.result(all.start());
    Await.result(some.start());
    assertThat(factory.sharedWatches()).isEqualTo(2);
    assertThat(server.listRequests()).hasSize(2);
    Await.result(all.stop());
    Await.result(some.stop());
  }
}

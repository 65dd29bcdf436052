package dev.skiff.agent.testing;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Readiness;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads pods and their logs through the api-server, for assertions. */
public final class PodChecks {
  private final TestApiServer api;

  public PodChecks(TestApiServer api) {
    this.api = api;
  }

  public Pod get(String name) {
    return Await.result(api.client().get(Pod.class, "default", name));
  }

  public Pod create(Pod pod) {
    return Await.result(api.client().create(pod));
  }

  public String phase(String name) {
    Pod pod = get(name);
    return pod.status == null ? null : pod.status.phase;
  }

  public ContainerStatus container(String name) {
    Pod pod = get(name);
    if (pod.status == null || pod.status.containerStatuses == null) {
      return null;
    }
    return pod.status.containerStatuses.get(0);
  }

  public boolean ready(String name) {
    return Readiness.isReady(get(name));
  }

  public String waitingReason(String name) {
    ContainerStatus s = container(name);
    return s == null || s.state == null || s.state.waiting == null ? null : s.state.waiting.reason;
  }

  /** The Events about pod {@code name}, oldest first. */
  public List<Event> events(String name) {
    return Await.result(api.client().list(Event.class, "default", ListOptions.none()))
        .items
        .stream()
        .filter(e -> name.equals(e.involvedObject.name))
        .toList();
  }

  /** {@code kubectl logs} through the api-server's pods/log proxy. */
  public String logs(String name, Map<String, String> query) {
    return Await.result(
            api.client().raw().getSubresourceBytes(Resources.PODS, "default", name, "log", query))
        .toString(StandardCharsets.UTF_8);
  }
}

package dev.skiff.api.client.informer;

import dev.skiff.api.model.meta.KubeObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records handler calls as "add a@1", "update a@1->a@2", "delete a@2". */
final class RecordingHandler<T extends KubeObject> implements ResourceEventHandler<T> {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  @Override
  public void onAdd(T object) {
    record("add " + id(object));
  }

  @Override
  public void onUpdate(T oldObject, T newObject) {
    record(
        "update "
            + id(oldObject)
            + "->"
            + id(newObject)
            + (oldObject == newObject ? " (same)" : ""));
  }

  @Override
  public void onDelete(T object) {
    record("delete " + id(object));
  }

  private void record(String call) {
    threads.add(Thread.currentThread());
    calls.add(call);
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  private static String id(KubeObject o) {
    return o.meta().name + "@" + o.meta().resourceVersion;
  }
}

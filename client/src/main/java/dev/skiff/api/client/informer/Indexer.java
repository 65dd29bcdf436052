package dev.skiff.api.client.informer;

import dev.skiff.api.model.meta.KubeObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The informer's cache: objects by key plus user indexes (index name -> value -> keys). Written
 * only by its informer, on one context; read from any thread (concurrent maps, so a reader may see
 * an object a moment before its index entry).
 */
public final class Indexer<T extends KubeObject> {
  private final Map<String, T> objects = new ConcurrentHashMap<>();
  private final Map<String, Function<T, List<String>>> indexFunctions = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Set<String>>> indexes = new ConcurrentHashMap<>();

  /** Adds an index and fills it from what is already cached. */
  public void addIndex(String name, Function<T, List<String>> valuesOf) {
    if (indexFunctions.putIfAbsent(name, valuesOf) != null) {
      throw new IllegalArgumentException("index already exists: " + name);
    }
    indexes.put(name, new ConcurrentHashMap<>());
    objects.forEach((key, object) -> link(name, valuesOf, key, object));
  }

  public T get(String key) {
    return objects.get(key);
  }

  public List<T> list() {
    return new ArrayList<>(objects.values());
  }

  public Set<String> keys() {
    return Set.copyOf(objects.keySet());
  }

  public int size() {
    return objects.size();
  }

  public List<T> byIndex(String index, String value) {
    Map<String, Set<String>> byValue = indexes.get(index);
    if (byValue == null) {
      throw new IllegalArgumentException("no such index: " + index);
    }
    List<T> result = new ArrayList<>();
    for (String key : byValue.getOrDefault(value, Set.of())) {
      T object = objects.get(key);
      if (object != null) {
        result.add(object);
      }
    }
    return result;
  }

  /** Stores {@code object}; returns the previous one or null. */
  T put(T object) {
    String key = Keys.of(object);
    T old = objects.put(key, object);
    indexFunctions.forEach(
        (name, fn) -> {
          if (old != null) {
            unlink(name, fn, key, old);
          }
          link(name, fn, key, object);
        });
    return old;
  }

  T remove(String key) {
    T old = objects.remove(key);
    if (old != null) {
      indexFunctions.forEach((name, fn) -> unlink(name, fn, key, old));
    }
    return old;
  }

  Collection<T> values() {
    return objects.values();
  }

  private void link(String index, Function<T, List<String>> fn, String key, T object) {
    Map<String, Set<String>> byValue = indexes.get(index);
    for (String value : values(fn, object)) {
      byValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
    }
  }

  private void unlink(String index, Function<T, List<String>> fn, String key, T object) {
    Map<String, Set<String>> byValue = indexes.get(index);
    for (String value : values(fn, object)) {
      byValue.computeIfPresent(
          value,
          (v, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
          });
    }
  }

  private static <T> List<String> values(Function<T, List<String>> fn, T object) {
    List<String> values = fn.apply(object);
    return values == null ? List.of() : values;
  }
}

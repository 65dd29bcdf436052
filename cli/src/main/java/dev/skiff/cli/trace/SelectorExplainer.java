package dev.skiff.cli.trace;

import dev.skiff.api.model.core.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Explains the pods of a Service's namespace that look related but do not receive its traffic: a
 * pod is selected only when it has ALL the selector's labels (extra labels do not matter).
 */
public final class SelectorExplainer {
  private SelectorExplainer() {}

  /**
   * One line per pod that matches some but not all of the selector's labels, or that is selected
   * but not Ready; pods sharing no label with the selector are unrelated and left out.
   */
  public static List<String> explain(Map<String, String> selector, List<Pod> pods) {
    List<String> lines = new ArrayList<>();
    if (selector == null || selector.isEmpty()) {
      return lines;
    }
    Map<String, String> wanted = new TreeMap<>(selector);
    List<Pod> sorted = new ArrayList<>(pods);
    sorted.sort(Comparator.comparing(p -> p.meta().name));
    for (Pod pod : sorted) {
      Map<String, String> labels = pod.meta().labels == null ? Map.of() : pod.meta().labels;
      List<String> lacks = new ArrayList<>();
      List<String> differs = new ArrayList<>();
      int matched = 0;
      for (Map.Entry<String, String> want : wanted.entrySet()) {
        String has = labels.get(want.getKey());
        if (has == null) {
          lacks.add(want.getKey() + "=" + want.getValue());
        } else if (!has.equals(want.getValue())) {
          differs.add(
              "has "
                  + want.getKey()
                  + "="
                  + has
                  + ", selector wants "
                  + want.getKey()
                  + "="
                  + want.getValue());
        } else {
          matched++;
        }
      }
      String name = pod.meta().name;
      if (matched == wanted.size()) {
        if (!PodReadiness.isReady(pod)) {
          lines.add(
              "pod " + name + " is selected but not Ready (" + PodReadiness.whyNotReady(pod) + ")");
        }
      } else if (matched > 0) {
        List<String> reasons = new ArrayList<>();
        if (!lacks.isEmpty()) {
          reasons.add(
              "it lacks label" + (lacks.size() > 1 ? "s " : " ") + String.join(", ", lacks));
        }
        reasons.addAll(differs);
        lines.add("pod " + name + " is not selected: " + String.join("; ", reasons));
      }
    }
    return lines;
  }

  /** The pods with every label of the selector (none for an empty selector). */
  public static List<Pod> selected(Map<String, String> selector, List<Pod> pods) {
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    return pods.stream()
        .filter(
            p ->
                p.meta().labels != null
                    && p.meta().labels.entrySet().containsAll(selector.entrySet()))
        .toList();
  }
}

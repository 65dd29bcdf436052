package dev.skiff.api.model.meta;

import java.util.List;
import java.util.Map;

/**
 * metav1.LabelSelector: {@code matchLabels} and {@code matchExpressions} are ANDed. A null selector
 * selects nothing and an empty one selects everything; see {@link
 * dev.skiff.api.selector.Selector#from(LabelSelector)}.
 */
public class LabelSelector extends Extensible {
  public Map<String, String> matchLabels;
  public List<LabelSelectorRequirement> matchExpressions;

  public LabelSelector() {}

  public LabelSelector(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }
}

package dev.skiff.cli.completion;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Completion candidates for a resource type argument: plural and short names, and "all". */
public final class ResourceTypeCandidates implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>();
    for (ResourceType type : Resources.ALL) {
      names.add(type.plural());
      names.addAll(type.shortNames());
    }
    names.add("all");
    return names.iterator();
  }
}

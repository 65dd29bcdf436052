package dev.skiff.api.model.meta;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/** A typed list (PodList, ServiceList, ...): kind is the item kind followed by "List". */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "items"})
public class KubeList<T extends KubeObject> {
  public String apiVersion;
  public String kind;
  public ListMeta metadata = new ListMeta();
  public List<T> items = new ArrayList<>();
}

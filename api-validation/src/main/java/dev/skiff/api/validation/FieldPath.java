package dev.skiff.api.validation;

/**
 * field.Path: where a problem is, rendered as Kubernetes does ({@code spec.containers[0].name},
 * {@code metadata.labels[app]}). Immutable.
 */
public final class FieldPath {
  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  public static FieldPath root(String name, String... more) {
    return new FieldPath(name).child(more);
  }

  public FieldPath child(String... names) {
    StringBuilder sb = new StringBuilder(text);
    for (String n : names) {
      if (!sb.isEmpty()) {
        sb.append('.');
      }
      sb.append(n);
    }
    return new FieldPath(sb.toString());
  }

  public FieldPath index(int i) {
    return new FieldPath(text + "[" + i + "]");
  }

  public FieldPath key(String key) {
    return new FieldPath(text + "[" + key + "]");
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.skiff.server.table;

/** metav1.TableColumnDefinition. Priority 0 columns always show; higher ones with -o wide. */
public record Column(String name, String type, String format, String description, int priority) {
  public static Column nameColumn() {
    return new Column("Name", "string", "name", "Name must be unique within a namespace.", 0);
  }

  public static Column ageColumn() {
    return new Column("Age", "string", "", "CreationTimestamp is when this object was created.", 0);
  }

  public static Column text(String name, String description) {
    return new Column(name, "string", "", description, 0);
  }

  public static Column number(String name, String description) {
    return new Column(name, "integer", "", description, 0);
  }

  public static Column wide(String name, String description) {
    return new Column(name, "string", "", description, 1);
  }
}

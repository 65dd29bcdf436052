package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl get roles and clusterroles (NAME CREATED AT, the creation time in RFC 3339) and
 * rolebindings and clusterrolebindings (NAME ROLE AGE, and with -o wide USERS GROUPS
 * SERVICEACCOUNTS), as the real server's printers.
 */
final class RbacTables {
  private RbacTables() {}

  static TableConvertor roles() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            new Column(
                "Created At", "date", "", "CreationTimestamp is when this object was created.", 0));
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode role, Instant now) {
        return List.of(
            Cells.name(role), role.path("metadata").path("creationTimestamp").asText(""));
      }
    };
  }

  static TableConvertor bindings(String kind) {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            Column.text(
                "Role",
                "RoleRef can reference a Role in the current namespace or a ClusterRole in the"
                    + " global namespace."),
            Column.ageColumn(),
            Column.wide("Users", "Users in the " + kind),
            Column.wide("Groups", "Groups in the " + kind),
            Column.wide("ServiceAccounts", "ServiceAccounts in the " + kind));
    return new TableConvertor() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode binding, Instant now) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (JsonNode s : binding.path("subjects")) {
          String name = s.path("name").asText("");
          switch (s.path("kind").asText("")) {
            case "User" -> users.add(name);
            case "Group" -> groups.add(name);
            case "ServiceAccount" -> accounts.add(s.path("namespace").asText("") + "/" + name);
            default -> {}
          }
        }
        JsonNode ref = binding.path("roleRef");
        return List.of(
            Cells.name(binding),
            ref.path("kind").asText("") + "/" + ref.path("name").asText(""),
            Cells.age(binding, now),
            String.join(", ", users),
            String.join(", ", groups),
            String.join(", ", accounts));
      }
    };
  }
}

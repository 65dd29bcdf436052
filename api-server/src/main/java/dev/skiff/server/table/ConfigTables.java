package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * kubectl get configmaps (NAME DATA AGE), secrets (NAME TYPE DATA AGE) and serviceaccounts (NAME
 * SECRETS AGE): counts of keys or references, as the real server's printers.
 */
final class ConfigTables {
  private ConfigTables() {}

  static TableConvertor configMaps() {
    return SimpleTables.of(
        List.of(
            Column.text(
                "Data",
                "Data contains the configuration data. Each key must consist of alphanumeric"
                    + " characters, '-', '_' or '.'.")),
        (cm, now) -> List.of((long) (cm.path("data").size() + cm.path("binaryData").size())));
  }

  static TableConvertor secrets() {
    return SimpleTables.of(
        List.of(
            Column.text("Type", "Used to facilitate programmatic handling of secret data."),
            Column.text(
                "Data",
                "Data contains the secret data. Each key must consist of alphanumeric characters,"
                    + " '-', '_' or '.'.")),
        (secret, now) ->
            List.of(secret.path("type").asText(""), (long) secret.path("data").size()));
  }

  static TableConvertor serviceAccounts() {
    return SimpleTables.of(
        List.of(
            Column.text(
                "Secrets",
                "Secrets is a list of the secrets in the same namespace that pods running using"
                    + " this ServiceAccount are allowed to use.")),
        (sa, now) -> List.of((long) count(sa.path("secrets"))));
  }

  private static int count(JsonNode list) {
    return list.isArray() ? list.size() : 0;
  }
}

package dev.skiff.server.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;

/**
 * {@code GET /version}. {@code minor} must be exactly "32": the installed kubectl is a dispatcher
 * that runs the kubectl binary matching the server's minor version.
 */
public final class VersionInfo {
  public static final String MAJOR = "1";
  public static final String MINOR = "32";
  public static final String GIT_VERSION = "v1.32.0-skiff";

  private VersionInfo() {}

  public static ObjectNode document() {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("major", MAJOR);
    doc.put("minor", MINOR);
    doc.put("gitVersion", GIT_VERSION);
    doc.put("gitCommit", "0000000000000000000000000000000000000000");
    doc.put("gitTreeState", "clean");
    doc.put("buildDate", "2025-01-01T00:00:00Z");
    doc.put("goVersion", "n/a");
    doc.put("compiler", "n/a");
    doc.put("platform", "linux/amd64");
    return doc;
  }
}

package dev.skiff.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a kubeconfig (server URL, token, one context) that kubectl and Skiff clients can use. */
public final class KubeconfigFile {
  private KubeconfigFile() {}

  public static String render(String server, String token, String name) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: "
        + name
        + "\n  cluster:\n    server: "
        + server
        + "\nusers:\n- name: "
        + name
        + "\n  user:\n    token: "
        + token
        + "\ncontexts:\n- name: "
        + name
        + "\n  context:\n    cluster: "
        + name
        + "\n    user: "
        + name
        + "\n    namespace: default\n"
        + "current-context: "
        + name
        + "\npreferences: {}\n";
  }

  /** Blocking: writes atomically, readable by the owner only. */
  public static void write(Path file, String server, String token, String name) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    Files.writeString(tmp, render(server, token, name));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

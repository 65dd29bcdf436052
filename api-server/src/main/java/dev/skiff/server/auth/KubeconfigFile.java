package dev.skiff.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Writes a kubeconfig (server URL, token, one context) that kubectl and Skiff clients can use. With
 * TLS it carries the serving certificate as certificate-authority-data.
 */
public final class KubeconfigFile {
  private KubeconfigFile() {}

  /**
   * @param certificate the server's self-signed certificate, or null for plain HTTP
   */
  public static String render(
      String server, String token, ServingCertificate certificate, String name) {
    String ca =
        certificate == null
            ? ""
            : "    certificate-authority-data: "
                + Base64.getEncoder()
                    .encodeToString(
                        certificate.certificatePem().getBytes(StandardCharsets.US_ASCII))
                + "\n";
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: "
        + name
        + "\n"
        + "  cluster:\n"
        + "    server: "
        + server
        + "\n"
        + ca
        + "users:\n"
        + "- name: "
        + name
        + "\n"
        + "  user:\n"
        + "    token: "
        + token
        + "\n"
        + "contexts:\n"
        + "- name: "
        + name
        + "\n"
        + "  context:\n"
        + "    cluster: "
        + name
        + "\n"
        + "    user: "
        + name
        + "\n"
        + "    namespace: default\n"
        + "current-context: "
        + name
        + "\n"
        + "preferences: {}\n";
  }

  /** Blocking: writes atomically, readable by the owner only. */
  public static void write(
      Path file, String server, String token, ServingCertificate certificate, String name)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    Files.writeString(tmp, render(server, token, certificate, name));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

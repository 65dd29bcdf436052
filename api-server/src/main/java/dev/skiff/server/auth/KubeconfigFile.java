package dev.skiff.server.auth;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  /** Blocking: writes atomically, readable by the owner only (directories created 0700). */
  public static void write(
      Path file, String server, String token, ServingCertificate certificate, String name)
      throws IOException {
    PrivateFiles.writeString(file, render(server, token, certificate, name));
  }
}

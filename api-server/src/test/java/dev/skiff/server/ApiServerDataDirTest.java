package dev.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone API server's own files in its data dir: key, certificate, token. */
class ApiServerDataDirTest {
  @TempDir Path home;

  @Test
  void theServingKeyAndTheTokenAreReadableByTheOwnerOnly() throws IOException {
    Path data = home.resolve("var").resolve("skiff");

    ApiServer.certificate(ApiServerCommandLine.parse("--data-dir", data.toString()));
    String token = ApiServer.token(data);

    assertThat(mode(home.resolve("var"))).isEqualTo("rwx------");
    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(data.resolve("serving-key.pem"))).isEqualTo("rw-------");
    assertThat(mode(data.resolve("serving-cert.pem"))).isEqualTo("rw-------");
    assertThat(mode(data.resolve("token"))).isEqualTo("rw-------");
    assertThat(ApiServer.token(data)).as("kept for the next start").isEqualTo(token);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

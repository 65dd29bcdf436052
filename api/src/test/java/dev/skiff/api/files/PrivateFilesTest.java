package dev.skiff.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void createsMissingDirectoriesAndFilesForTheOwnerOnly() throws IOException {
    Path file = dir.resolve("a").resolve("b").resolve("token");

    PrivateFiles.writeString(file, "secret");
    try (OutputStream out = PrivateFiles.append(dir.resolve("a").resolve("log"))) {
      out.write(1);
    }
    PrivateFiles.touch(dir.resolve("a").resolve("empty"));

    assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("a").resolve("b"))).isEqualTo("rwx------");
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("a").resolve("log"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("a").resolve("empty"))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo("secret");
    try (var left = Files.list(file.getParent())) {
      assertThat(left.toList()).as("no temporary file left").containsExactly(file);
    }
  }

  @Test
  void appendKeepsWhatIsThere() throws IOException {
    Path log = dir.resolve("log");
    Files.writeString(log, "one\n");
    try (OutputStream out = PrivateFiles.append(log)) {
      out.write("two\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(log)).isEqualTo("one\ntwo\n");
  }

  @Test
  void rotateShiftsOldFilesAndDropsTheOldest() throws IOException {
    Path log = dir.resolve("skiff.log");
    for (String content : new String[] {"1", "2", "3", "4", "5"}) {
      PrivateFiles.rotate(log, 3);
      PrivateFiles.writeString(log, content);
    }

    assertThat(Files.readString(log)).isEqualTo("5");
    assertThat(Files.readString(PrivateFiles.rotated(log, 1))).isEqualTo("4");
    assertThat(Files.readString(PrivateFiles.rotated(log, 2))).isEqualTo("3");
    assertThat(Files.readString(PrivateFiles.rotated(log, 3))).isEqualTo("2");
    assertThat(PrivateFiles.rotated(log, 4)).doesNotExist();
  }

  @Test
  void restrictDirectoryNarrowsAnOpenDirectory() throws IOException {
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

    PrivateFiles.restrictDirectory(open);

    assertThat(mode(open)).isEqualTo("rwx------");
  }

  @Test
  void openToOthersNamesWhatAnotherUserCouldReadOrEnter() throws IOException {
    Path tree = PrivateFiles.createDirectories(dir.resolve("tree"));
    PrivateFiles.writeString(tree.resolve("private"), "x");
    Path readable = Files.writeString(tree.resolve("readable"), "x");
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
    Path sub = Files.createDirectory(tree.resolve("sub"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx--x--x"));

    assertThat(PrivateFiles.openToOthers(tree)).containsExactlyInAnyOrder(readable, sub);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

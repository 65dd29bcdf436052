package dev.skiff.agent.pod.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * hostPath types as the kubelet checks them before a mount: {@code DirectoryOrCreate} and {@code
 * FileOrCreate} create what is missing (0755 directories, 0644 empty files); {@code Directory},
 * {@code File}, {@code Socket}, {@code CharDevice} and {@code BlockDevice} must already be that;
 * {@code ""} checks nothing. Blocking.
 */
public final class HostPaths {
  private HostPaths() {}

  public static void check(String volume, String path, String type) throws IOException {
    Path p = Path.of(path);
    String t = type == null ? "" : type;
    switch (t) {
      case "DirectoryOrCreate" -> {
        if (!Files.exists(p)) {
          Files.createDirectories(p);
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (!Files.isDirectory(p)) {
          throw failure(volume, path, "is not a directory");
        }
      }
      case "FileOrCreate" -> {
        if (!Files.exists(p)) {
          Files.createDirectories(p.getParent());
          Files.createFile(p);
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        } else if (!Files.isRegularFile(p)) {
          throw failure(volume, path, "is not a file");
        }
      }
      case "Directory" -> expect(volume, path, kind(p).equals("directory"), "is not a directory");
      case "File" -> expect(volume, path, kind(p).equals("file"), "is not a file");
      case "Socket" -> expect(volume, path, kind(p).equals("socket"), "is not a socket file");
      case "CharDevice" ->
          expect(volume, path, kind(p).equals("char"), "is not a character device");
      case "BlockDevice" -> expect(volume, path, kind(p).equals("block"), "is not a block device");
      default -> {}
    }
  }

  private static void expect(String volume, String path, boolean ok, String why) {
    if (!ok) {
      throw failure(volume, path, why);
    }
  }

  private static VolumeFailure failure(String volume, String path, String why) {
    return new VolumeFailure(volume, "hostPath type check failed: " + path + " " + why);
  }

  /** "directory", "file", "socket", "char", "block", or "" (missing or other). */
  private static String kind(Path p) throws IOException {
    if (!Files.exists(p)) {
      return "";
    }
    if (Files.isDirectory(p)) {
      return "directory";
    }
    if (Files.isRegularFile(p)) {
      return "file";
    }
    int mode = (Integer) Files.getAttribute(p, "unix:mode");
    return switch (mode & 0170000) {
      case 0140000 -> "socket";
      case 0020000 -> "char";
      case 0060000 -> "block";
      default -> "";
    };
  }
}

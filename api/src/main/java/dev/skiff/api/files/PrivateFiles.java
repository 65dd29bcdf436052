package dev.skiff.api.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner can read: directories 0700 and files 0600, created with that mode (never
 * created readable and then narrowed, so there is no window in which another local user can open
 * them). A cluster's data directory holds its admin token, every object (pod environment values
 * included) and the pods' logs. On a file system without POSIX permissions the modes are left to
 * the platform. Blocking.
 */
public final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY = DIR_MODE;

  private PrivateFiles() {}

  /** Creates {@code dir} and its missing parents as 0700; existing directories are left as is. */
  public static Path createDirectories(Path dir) throws IOException {
    return Files.createDirectories(dir, attributes(DIR_MODE));
  }

  /**
   * Opens {@code file} with {@code options}; if they create it, it is created 0600 (its parent must
   * exist).
   */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    return FileChannel.open(file, Set.of(options), attributes(FILE_MODE));
  }

  /** An output stream appending to {@code file}, which is created 0600 if absent. */
  public static OutputStream append(Path file) throws IOException {
    return Channels.newOutputStream(
        open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
  }

  /**
   * Creates {@code file} empty as 0600 if it does not exist (e.g. before a child appends to it).
   */
  public static Path touch(Path file) throws IOException {
    open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
    return file;
  }

  /**
   * Replaces {@code file} atomically by {@code bytes}: written to a 0600 temporary file beside it,
   * then moved over it; missing parents are created 0700.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(FILE_MODE));
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void writeString(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Shifts {@code file} to {@code file.1}, {@code file.1} to {@code file.2} and so on, keeping at
   * most {@code keep} old files ({@code keep} 0: {@code file} is deleted). The renamed files keep
   * their modes; the caller creates the next {@code file}.
   */
  public static void rotate(Path file, int keep) throws IOException {
    if (keep <= 0) {
      Files.deleteIfExists(file);
      return;
    }
    Files.deleteIfExists(rotated(file, keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(rotated(file, i))) {
        Files.move(rotated(file, i), rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (Files.exists(file)) {
      Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code file.index}: the name {@link #rotate} gives an old file. */
  public static Path rotated(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /**
   * Narrows an existing directory to 0700 (for one created before its files were private:
   * everything below it is then out of other users' reach). Nothing if it does not exist.
   */
  public static void restrictDirectory(Path dir) throws IOException {
    if (POSIX && Files.isDirectory(dir)) {
      Files.setPosixFilePermissions(dir, DIR_MODE);
    }
  }

  /**
   * Everything under {@code root} (itself included) that grants any permission to its group or to
   * others, in walk order: a check that a tree is private. Empty where there are no POSIX modes.
   */
  public static List<Path> openToOthers(Path root) throws IOException {
    if (!POSIX) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> open = new ArrayList<>();
      for (Path path : walk.toList()) {
        Set<PosixFilePermission> mode =
            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isSymbolicLink(path) && !OWNER_ONLY.containsAll(mode)) {
          open.add(path);
        }
      }
      return open;
    }
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
  }
}

package dev.skiff.agent.pod.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kubelet's AtomicWriter: a volume's files live in a timestamped directory {@code
 * ..2026_12_07_17_30_00.123456789}; the symlink {@code ..data} points to it and each top-level name
 * is a symlink through {@code ..data}. An update writes a new timestamped directory and renames a
 * fresh {@code ..data_tmp} symlink over {@code ..data} (one atomic step), so a reader sees the old
 * or the new files, never a mix; then the old directory and stale names go. A payload equal to what
 * is there writes nothing. Blocking.
 */
public final class AtomicWriter {
  static final String DATA = "..data";
  private static final String DATA_TMP = "..data_tmp";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.n");

  private AtomicWriter() {}

  /** Writes {@code payload} (relative path to content) into {@code dir}; true when it changed. */
  public static boolean write(Path dir, Map<String, FileContent> payload) throws IOException {
    Files.createDirectories(dir);
    Path data = dir.resolve(DATA);
    Path current = null;
    if (Files.isSymbolicLink(data)) {
      current = dir.resolve(Files.readSymbolicLink(data));
      if (same(current, payload)) {
        return false;
      }
    }
    Path next = dir.resolve(LocalDateTime.now().format(STAMP) + "." + System.nanoTime() % 1000);
    Files.createDirectory(next);
    setMode(next, 0755);
    for (Map.Entry<String, FileContent> e : new TreeMap<>(payload).entrySet()) {
      Path file = next.resolve(e.getKey());
      if (!file.normalize().startsWith(next)) {
        throw new IOException("path " + e.getKey() + " leaves the volume");
      }
      Path parent = file.getParent();
      if (!Files.isDirectory(parent)) {
        Files.createDirectories(parent);
      }
      Files.write(file, e.getValue().data());
      setMode(file, e.getValue().mode());
    }
    Path tmp = dir.resolve(DATA_TMP);
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, next.getFileName());
    Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Set<String> top = new HashSet<>();
    payload.keySet().forEach(p -> top.add(Path.of(p).getName(0).toString()));
    for (String name : top) {
      Path link = dir.resolve(name);
      if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createSymbolicLink(link, Path.of(DATA, name));
        } catch (FileAlreadyExistsException raced) {
          // another writer made it: same target
        }
      }
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith("..") && !top.contains(name) && Files.isSymbolicLink(entry)) {
          Files.delete(entry);
        }
      }
    }
    if (current != null && !current.equals(next)) {
      dev.skiff.agent.FileTrees.delete(current);
    }
    return true;
  }

  /** Whether {@code dir} holds exactly {@code payload}, contents and modes. */
  private static boolean same(Path dir, Map<String, FileContent> payload) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    Map<String, FileContent> present = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        present.put(dir.relativize(p).toString(), new FileContent(Files.readAllBytes(p), mode(p)));
      }
    }
    Map<String, FileContent> wanted = new LinkedHashMap<>();
    payload.forEach((k, v) -> wanted.put(Path.of(k).normalize().toString(), v));
    return present.equals(wanted);
  }

  static void setMode(Path path, int mode) throws IOException {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        perms.add(order[bit]);
      }
    }
    Files.setPosixFilePermissions(path, perms);
  }

  private static int mode(Path path) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}

package dev.skiff.cli;

import dev.skiff.api.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive of the cluster JVM (AppCDS, Java 17's dynamic archive): the
 * classes a cluster loads, parsed and verified once, mapped by every later start instead of being
 * loaded again, which takes about a fifth of the cluster JVM's start-up CPU time
 * (docs/benchmarks.md, "skiff up per phase"). The first cluster started from a build dumps it when
 * it stops ({@code -XX:ArchiveClassesAtExit}) into its own directory; the next {@code skiff up} or
 * {@code skiff down} moves it beside the CLI's jar ({@code skiff-cluster-KEY.jsa}; {@code
 * $SKIFF_HOME/cache} where that is not writable), where KEY names the JVM and the CLI's jars (a
 * rebuild or another JDK makes a new one). The JVM checks an archive against its class path when it
 * maps it and, with {@code -Xshare:auto}, starts without it when it does not match. The archive is
 * code the cluster JVM runs, so it lives only where the code already does (beside the jar, as
 * writable as the jar) or in the user's private {@code $SKIFF_HOME}; the JVM writes it 0400 under
 * the cluster's umask 077.
 */
public final class ClassArchive {
  private static final String DUMP = "classes.jsa";

  private final Path archive;
  private final Path dump;

  private ClassArchive(Path archive, Path dump) {
    this.archive = archive;
    this.dump = dump;
  }

  /** The archive for clusters started by this CLI, or none where its location is unknown. */
  public static ClassArchive forCluster(ClusterHome home) {
    String key = key();
    Path dir = place(home);
    if (dir == null || key == null) {
      return null;
    }
    return new ClassArchive(dir.resolve("skiff-cluster-" + key + ".jsa"), home.dir().resolve(DUMP));
  }

  /**
   * Beside the CLI's jar where that is writable (every SKIFF_HOME, test clusters included, then
   * shares one archive per build), else {@code $SKIFF_HOME/cache}.
   */
  private static Path place(ClusterHome home) {
    String classPath = System.getProperty("java.class.path", "");
    Path jarDir = Path.of(classPath.split(File.pathSeparator)[0]).toAbsolutePath().getParent();
    if (jarDir != null && classPath.endsWith(".jar") && Files.isWritable(jarDir)) {
      return jarDir;
    }
    Path clusters = home.dir().toAbsolutePath().getParent();
    Path root = clusters == null ? null : clusters.getParent();
    return root == null ? null : root.resolve("cache");
  }

  /**
   * The cluster JVM's options: map the archive, or (none yet) dump one at exit. Adopts a dump a
   * previous cluster left first.
   */
  public List<String> jvmOptions() {
    adopt();
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }
    return List.of("-XX:ArchiveClassesAtExit=" + dump);
  }

  /**
   * Moves the archive a stopped cluster dumped to the shared place (the cluster's process must have
   * exited: the JVM writes the file as it exits). Best effort: a cluster starts without one.
   */
  public void adopt() {
    try {
      if (!Files.isRegularFile(dump) || Files.size(dump) == 0) {
        return;
      }
      if (Files.isRegularFile(archive)) {
        Files.delete(dump);
        return;
      }
      PrivateFiles.createDirectories(archive.getParent());
      try {
        Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Path tmp =
            archive.resolveSibling(archive.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.copy(dump, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(dump);
      }
      removeStale();
    } catch (IOException e) {
      System.err.println("note: cannot keep the cluster's class archive: " + e.getMessage());
    }
  }

  /**
   * Deletes the dump of a cluster that was killed (the JVM may have been writing it). Best effort.
   */
  public void discard() {
    try {
      Files.deleteIfExists(dump);
    } catch (IOException e) {
      System.err.println("note: cannot delete " + dump + ": " + e.getMessage());
    }
  }

  /** Archives of other builds or JVMs beside this one: a rebuild must not leave 60 MB behind. */
  private void removeStale() throws IOException {
    try (Stream<Path> files = Files.list(archive.getParent())) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("skiff-cluster-") && name.endsWith(".jsa") && !file.equals(archive)) {
          Files.deleteIfExists(file); // a cluster that maps it keeps its pages
        }
      }
    }
  }

  /**
   * A hash of the JVM (home and version) and of every jar of the class path (the CLI jar and the
   * jars beside it in lib/) by name, size and modification time; null without a class path.
   */
  private static String key() {
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.isBlank()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(System.getProperty("java.home"));
    parts.add(System.getProperty("java.vm.version"));
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      parts.add(describe(path));
      Path lib = path.resolveSibling("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          jars.sorted().forEach(jar -> parts.add(describe(jar)));
        } catch (IOException e) {
          return null;
        }
      }
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  private static String describe(Path path) {
    try {
      return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return path + " missing";
    }
  }
}

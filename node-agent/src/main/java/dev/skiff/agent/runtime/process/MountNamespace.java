package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a process-runtime container sees its volumes at their mount paths: its own mount namespace
 * ({@code unshare -m}; with {@code -r}, a user namespace, when the agent is not root) in which the
 * node's root is bound at a per-container directory, the volumes are bind-mounted into it, and the
 * command runs with that directory as its root ({@code unshare --root --wd}). Everything else is
 * the node's own file system, shared and writable as before; only the mounts differ. A mount path
 * whose directory does not exist on the node needs a mount point that must not appear on the node:
 * the nearest existing directory becomes copy-on-write for the container (an overlay whose upper
 * layer is a tmpfs of the namespace: the container sees the node's files there, its changes stay
 * private), except the root directory, which becomes a tmpfs with every node entry bound into it
 * (new top-level names are private, everything else is the node's). {@code kubectl exec} and exec
 * probes enter the namespace and root of the container's process ({@code nsenter}). Needs
 * util-linux 2.38 ({@code unshare --root}); {@link #probe} finds out once whether it works here.
 */
final class MountNamespace {
  private static final String UNSHARE = "/usr/bin/unshare";
  private static final String NSENTER = "/usr/bin/nsenter";

  private final boolean available;
  private final boolean userNamespace;
  private final String reason;

  private MountNamespace(boolean available, boolean userNamespace, String reason) {
    this.available = available;
    this.userNamespace = userNamespace;
    this.reason = reason;
  }

  static MountNamespace unavailable(String reason) {
    return new MountNamespace(false, false, reason);
  }

  /**
   * Tries a real mount namespace in {@code scratch} (as root, else in a user namespace). Blocking.
   */
  static MountNamespace probe(Path scratch) {
    if (!Files.isExecutable(Path.of(UNSHARE)) || !Files.isExecutable(Path.of(NSENTER))) {
      return unavailable("util-linux unshare and nsenter are not installed");
    }
    String why = "";
    for (boolean user : new boolean[] {false, true}) {
      MountNamespace candidate = new MountNamespace(true, user, null);
      try {
        Path root = Files.createDirectories(scratch.resolve("probe-root"));
        Path vol = Files.createDirectories(scratch.resolve("probe-volume"));
        Files.writeString(vol.resolve("probe"), "ok");
        List<String> argv =
            candidate.wrap(
                List.of("/bin/cat", "/skiff-probe/probe"),
                List.of(new ContainerSpec.Mount(vol.toString(), "/skiff-probe", true)),
                root,
                Path.of("/"));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (done && p.exitValue() == 0 && out.equals("ok")) {
          return candidate;
        }
        p.destroyForcibly();
        why = out.strip();
      } catch (IOException e) {
        why = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        why = "interrupted";
      } finally {
        dev.skiff.agent.FileTrees.delete(scratch);
      }
    }
    return unavailable("no mount namespace could be made (" + why + ")");
  }

  boolean available() {
    return available;
  }

  /** Why volumes cannot be mounted here, or null. */
  String reason() {
    return reason;
  }

  /**
   * The argv that runs {@code command} with {@code mounts} in a new mount namespace, rooted at
   * {@code root} (an empty directory of the node) and starting in {@code workDir}.
   */
  List<String> wrap(
      List<String> command, List<ContainerSpec.Mount> mounts, Path root, Path workDir) {
    List<ContainerSpec.Mount> ordered = new ArrayList<>(mounts);
    ordered.sort(Comparator.comparingInt(m -> depth(m.containerPath())));
    StringBuilder s = new StringBuilder("set -e\n");
    String r = quote(root.toString());
    String scratchPath = root + ".scratch";
    String scratch = quote(scratchPath);
    s.append("mkdir -p ").append(scratch).append('\n');
    s.append("mount --rbind / ").append(r).append('\n');
    s.append("mount -t tmpfs -o mode=0755 tmpfs ").append(scratch).append('\n');
    List<String> mountPoints = new ArrayList<>();
    TreeSet<Path> shadows =
        new TreeSet<>(
            Comparator.comparingInt((Path p) -> p.getNameCount()).thenComparing(Path::toString));
    List<Path> targets = new ArrayList<>();
    for (ContainerSpec.Mount m : ordered) {
      Path target = target(m.containerPath(), mountPoints, shadows);
      targets.add(target);
      mountPoints.add(target.toString());
    }
    int layer = 0;
    List<String> nodeMounts = shadows.isEmpty() ? List.of() : nodeMountPoints();
    for (Path a : shadows) {
      if (a.getParent() == null) {
        shadowRoot(s, root.toString());
        continue;
      }
      String upper = scratchPath + "/u" + layer;
      String work = scratchPath + "/w" + layer;
      layer++;
      s.append("mkdir ").append(quote(upper)).append(' ').append(quote(work)).append('\n');
      s.append("mount -t overlay overlay -o ")
          .append(quote("lowerdir=" + a + ",upperdir=" + upper + ",workdir=" + work))
          .append(' ')
          .append(quote(root + a.toString()))
          .append('\n');
      for (String sub : topMountsUnder(a.toString(), nodeMounts)) {
        s.append("mount --rbind ")
            .append(quote(sub))
            .append(' ')
            .append(quote(root + sub))
            .append('\n');
      }
    }
    for (int i = 0; i < ordered.size(); i++) {
      ContainerSpec.Mount m = ordered.get(i);
      String src = quote(m.hostPath());
      String dst = quote(root + targets.get(i).toString());
      s.append("[ -e ").append(src).append(" ] || mkdir -p ").append(src).append('\n');
      s.append("if [ -d ").append(src).append(" ]; then mkdir -p ").append(dst).append("; else ");
      s.append("mkdir -p \"$(dirname ").append(dst).append(")\"; [ -e ").append(dst);
      s.append(" ] || touch ").append(dst).append("; fi\n");
      s.append("mount --rbind ").append(src).append(' ').append(dst).append('\n');
      if (m.readOnly()) {
        s.append("mount -o remount,bind,ro ").append(dst).append('\n');
      }
    }
    s.append(": > ").append(quote(ready(root).toString())).append('\n');
    s.append("exec ")
        .append(UNSHARE)
        .append(" --root=")
        .append(r)
        .append(" --wd=")
        .append(quote(workDir.toString()))
        .append(" \"$@\"\n");
    List<String> argv = new ArrayList<>();
    argv.add(UNSHARE);
    if (userNamespace) {
      argv.add("-r");
    }
    argv.add("-m");
    argv.add("/bin/sh");
    argv.add("-c");
    argv.add(s.toString());
    argv.add("sh");
    argv.addAll(command);
    return argv;
  }

  /**
   * The file a container's namespace writes once its mounts are made, just before its command
   * starts: until then, a process entering it would not see them.
   */
  static Path ready(Path root) {
    return root.resolveSibling(root.getFileName() + ".ready");
  }

  /**
   * Waits (blocking) until the namespace of {@code process} started with {@code root} has its
   * mounts, or the process ended (its error is in its output), at most {@code timeout}.
   */
  static void awaitMounts(Process process, Path root, java.time.Duration timeout)
      throws InterruptedException {
    Path marker = ready(root);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(marker) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  /** The argv that runs {@code command} inside the namespace and root of process {@code pid}. */
  List<String> enter(long pid, Path workDir, List<String> command) {
    List<String> argv = new ArrayList<>();
    argv.add(NSENTER);
    argv.add("-t");
    argv.add(Long.toString(pid));
    if (userNamespace) {
      argv.add("-U");
      argv.add("--preserve-credentials");
    }
    argv.add("-m");
    argv.add("-r");
    // nsenter resolves --wd on the node, before it enters: change directory inside instead
    argv.add("/bin/sh");
    argv.add("-c");
    argv.add("cd \"$1\" && shift && exec \"$@\"");
    argv.add("sh");
    argv.add(workDir.toString());
    argv.addAll(command);
    return argv;
  }

  /**
   * Where a mount path lands: itself when it exists on the node (symlinks in it resolved, so the
   * mount is made inside the container's root) or lies in an earlier mount; otherwise the nearest
   * existing directory above it is shadowed (added to {@code shadows}).
   */
  private static Path target(String containerPath, List<String> earlier, TreeSet<Path> shadows) {
    Path p = Path.of(containerPath).normalize();
    for (String m : earlier) {
      if (p.startsWith(m) && !p.toString().equals(m)) {
        return p;
      }
    }
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      existing = Path.of("/");
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      real = existing;
    }
    Path resolved = real.resolve(existing.relativize(p).toString());
    if (!resolved.equals(real)) {
      Path parent = real;
      while (parent != null && !Files.isDirectory(parent)) {
        parent = parent.getParent();
      }
      shadows.add(parent == null ? Path.of("/") : parent);
    }
    return resolved;
  }

  /** The root directory as a tmpfs holding the node's top-level entries (bound, or symlinks). */
  private static void shadowRoot(StringBuilder s, String root) {
    s.append("mount -t tmpfs -o mode=0755 tmpfs ").append(quote(root)).append('\n');
    try (Stream<Path> entries = Files.list(Path.of("/"))) {
      for (Path e : entries.sorted().toList()) {
        String dst = quote(root + e);
        if (Files.isSymbolicLink(e)) {
          s.append("ln -s ")
              .append(quote(Files.readSymbolicLink(e).toString()))
              .append(' ')
              .append(dst);
        } else if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
          s.append("mkdir ")
              .append(dst)
              .append(" && mount --rbind ")
              .append(quote(e.toString()))
              .append(' ')
              .append(dst);
        } else {
          s.append("touch ")
              .append(dst)
              .append(" && mount --bind ")
              .append(quote(e.toString()))
              .append(' ')
              .append(dst);
        }
        s.append('\n');
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The node's mount points (from /proc/self/mountinfo), octal escapes decoded. */
  private static List<String> nodeMountPoints() {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4) {
          out.add(unescape(f[4]));
        }
      }
    } catch (IOException e) {
      // without the table, no submount is re-exposed under a shadowed directory
    }
    return out;
  }

  /** The mount points strictly below {@code dir} that no other of them contains. */
  static List<String> topMountsUnder(String dir, List<String> mounts) {
    String prefix = dir.endsWith("/") ? dir : dir + "/";
    List<String> under =
        mounts.stream()
            .filter(m -> m.startsWith(prefix) && !m.equals(dir))
            .distinct()
            .sorted()
            .toList();
    List<String> top = new ArrayList<>();
    for (String m : under) {
      if (top.stream().noneMatch(t -> m.startsWith(t + "/"))) {
        top.add(m);
      }
    }
    return top;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int depth(String path) {
    return Path.of(path).normalize().getNameCount();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}

package dev.skiff.agent.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container to start, already resolved: environment computed and $(VAR) references expanded.
 *
 * @param attempt the restart count this instance starts with (0 for the first)
 * @param command the entrypoint override, or null for the image's
 * @param args the arguments, or null for the image's
 * @param env in definition order
 * @param workingDir null for the runtime's default
 * @param stdin the container's {@code stdin}: its stdin stays open for clients that attach
 * @param tty the container's {@code tty}: it runs on a terminal
 * @param mounts host directories or files the container sees at a path (bind mounts; the process
 *     runtime makes them in a mount namespace of the container)
 */
public record ContainerSpec(
    String podUid,
    String namespace,
    String podName,
    String name,
    int attempt,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    boolean stdin,
    boolean tty,
    List<Mount> mounts) {

  /** A host directory or file at {@code containerPath}; a missing host directory is created. */
  public record Mount(String hostPath, String containerPath, boolean readOnly) {}

  /** command followed by args: what a runtime without image entrypoints executes. */
  public List<String> argv() {
    List<String> argv = new java.util.ArrayList<>();
    if (command != null) {
      argv.addAll(command);
    }
    if (args != null) {
      argv.addAll(args);
    }
    return argv;
  }
}

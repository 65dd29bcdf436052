package dev.skiff.agent.runtime.process;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerSpec;
import java.nio.file.Path;

/** A container of the process runtime: its spec, its process (null if it never started), state. */
final class ProcessContainer {
  final ContainerSpec spec;
  final Path workDir;
  final Process process;

  /** Whether the container runs in its own mount namespace (its volumes mounted there). */
  final boolean namespaced;

  /** Clients attached to the main process's stdio (kubectl attach). */
  final Attachments attachments = new Attachments();

  private volatile ContainerInfo info;

  ProcessContainer(
      ContainerSpec spec, Path workDir, Process process, ContainerInfo info, boolean namespaced) {
    this.namespaced = namespaced;
    this.spec = spec;
    this.workDir = workDir;
    this.process = process;
    this.info = info;
  }

  ContainerInfo info() {
    return info;
  }

  void update(ContainerInfo value) {
    info = value;
  }
}

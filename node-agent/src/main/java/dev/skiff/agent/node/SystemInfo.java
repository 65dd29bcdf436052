package dev.skiff.agent.node;

import dev.skiff.api.model.core.NodeSystemInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Node.status.nodeInfo from this machine (/etc/machine-id, boot id, os-release). Blocking. */
final class SystemInfo {
  static final String AGENT_VERSION = "v1.32.0-skiff";

  private SystemInfo() {}

  static NodeSystemInfo read(String runtimeVersion) {
    NodeSystemInfo info = new NodeSystemInfo();
    info.machineID = firstLine(Path.of("/etc/machine-id"), "");
    info.systemUUID = info.machineID;
    info.bootID = firstLine(Path.of("/proc/sys/kernel/random/boot_id"), "");
    info.kernelVersion = System.getProperty("os.version");
    info.osImage = osImage();
    info.containerRuntimeVersion = runtimeVersion;
    info.kubeletVersion = AGENT_VERSION;
    info.kubeProxyVersion = AGENT_VERSION;
    info.operatingSystem = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    info.architecture = architecture();
    return info;
  }

  static String architecture() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  private static String osImage() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.name");
  }

  private static String firstLine(Path file, String fallback) {
    try {
      return Files.readAllLines(file).stream().findFirst().orElse(fallback).trim();
    } catch (IOException e) {
      return fallback;
    }
  }
}

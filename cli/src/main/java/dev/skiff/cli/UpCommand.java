package dev.skiff.cli;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.server.store.persist.DamagedStoreException;
import dev.skiff.server.store.persist.StorePersistence;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff up}: start a local cluster and return when it is usable. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start a local cluster in the background and wait until it is usable.",
    footer = {
      "",
      "Examples:",
      "  skiff up                       one node, process runtime",
      "  skiff up --name dev --nodes 3  a second cluster with three nodes",
      "  skiff up --runtime docker      pods as Docker containers (needs root and dockerd)",
      "  skiff up --runtime docker --registry   and an image registry at localhost:5000",
      "  skiff up --foreground          stay attached; Ctrl-C stops the cluster",
      "  skiff up --foreground --api-address 0.0.0.0 --api-port 6443 --tls-san HOST",
      "                                 in a container whose port 6443 is published",
      "  skiff up --repair              start on a damaged store with what is readable"
    })
final class UpCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--nodes",
      defaultValue = "1",
      description = "Number of nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--runtime",
      defaultValue = "process",
      description = "Container runtime: process or docker (default: ${DEFAULT-VALUE}).")
  String runtime;

  @Option(names = "--foreground", description = "Run in this process; Ctrl-C stops the cluster.")
  boolean foreground;

  @Option(
      names = "--api-address",
      defaultValue = "127.0.0.1",
      description =
          "Address the API server listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container"
              + " whose port is published). The kubeconfig names 127.0.0.1.")
  String apiAddress;

  @Option(
      names = "--api-port",
      description = "The API server's port (default: the one this cluster had, or a free one).")
  Integer apiPort;

  @Option(
      names = "--tls-san",
      paramLabel = "NAME",
      description =
          "A further host name or IP address the API server's certificate is valid for (besides"
              + " 127.0.0.1 and localhost): where clients reach a published port. Repeatable.")
  List<String> tlsSans = new ArrayList<>();

  @Option(
      names = "--repair",
      description =
          "Start even if the store on disk is damaged: keep every readable object, drop (and list)"
              + " what cannot be read, keep the damaged file beside the new one.")
  boolean repair;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      description =
          "Maximum heap of the cluster's JVM, e.g. 512m or 2g (default: a sixteenth of this"
              + " machine's memory, between 256m and 2g). The nodes report MemoryPressure when"
              + " garbage collections leave more than 85% of it in use.")
  String heap;

  @Option(
      names = "--registry",
      description =
          "Also run the cluster's image registry on localhost (see skiff registry): push with"
              + " docker push localhost:PORT/NAME:TAG, use that name as the pods' image.")
  boolean registry;

  @Option(
      names = "--registry-port",
      description = "The registry's port on 127.0.0.1 (default: the last one, or 5000).")
  Integer registryPort;

  @Option(
      names = "--registry-htpasswd",
      description = "Registry users (bcrypt entries: htpasswd -B); pods need a pull secret.")
  Path registryHtpasswd;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      description = "Seconds to wait for the cluster to become usable (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (nodes < 1 || nodes > 20) {
      System.err.println("error: --nodes must be between 1 and 20");
      return 2;
    }
    if (!runtime.equals("process") && !runtime.equals("docker")) {
      System.err.println("error: --runtime must be process or docker, not " + runtime);
      return 2;
    }
    if (!name.matches("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?")) {
      System.err.println(
          "error: --name must be lower-case letters, digits and '-' (at most 32), not " + name);
      return 2;
    }
    long heapMiB;
    try {
      heapMiB = heap == null ? HeapSize.defaultMiB() : HeapSize.parseMiB(heap);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    ClusterHome home = ClusterHome.of(name);
    if (home.runningProcess().isPresent() && Files.exists(home.readyFile())) {
      System.out.println(
          "cluster \"" + name + "\" is already running (" + RuntimeChoice.kept(home) + " runtime)");
      System.out.println("  kubeconfig: " + home.kubeconfig());
      return startRegistry(home);
    }
    if (home.runningProcess().isPresent()) {
      System.err.println(
          "error: cluster \"" + name + "\" is starting or stuck (pid file " + home.pidFile() + ")");
      return 1;
    }
    Optional<String> problem = RuntimeChoice.problem(home, runtime);
    if (problem.isPresent()) {
      System.err.println("error: " + problem.get());
      return 1;
    }
    if (!storeReadable(home)) {
      return 1;
    }
    home.clearRuntimeFiles();
    // private to the user, also a directory made before its files were created private
    PrivateFiles.createDirectories(home.dir());
    PrivateFiles.restrictDirectory(home.dir());
    RuntimeChoice.record(home, runtime);
    if (apiPort != null && (apiPort < 1 || apiPort > 65535)) {
      System.err.println("error: --api-port must be between 1 and 65535");
      return 2;
    }
    List<String> args = EmbeddedArgs.of(home, nodes, runtime, apiAddress, apiPort, tlsSans);
    if (foreground) {
      if (heap != null) {
        System.err.println(
            "note: --heap sizes a background cluster's JVM; in the foreground the cluster runs in"
                + " this one ("
                + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB)");
      }
      int registryCode = startRegistry(home);
      if (registryCode != 0) {
        return registryCode;
      }
      return dev.skiff.cli.embedded.EmbeddedClusterMain.runForeground(args.toArray(String[]::new));
    }
    int code = startInBackground(home, args, heapMiB);
    return code == 0 ? startRegistry(home) : code;
  }

  /**
   * With {@code --registry}: starts the cluster's registry (unless it runs) and says how to use it.
   */
  private int startRegistry(ClusterHome home) {
    if (!registry) {
      return 0;
    }
    try {
      String address = new ClusterRegistry(home).start(registryPort, registryHtpasswd);
      RegistryCommand.printUsage(address, registryHtpasswd != null);
      return 0;
    } catch (IOException | IllegalStateException e) {
      System.err.println("error: the registry did not start: " + e.getMessage());
      return 1;
    }
  }

  /** Reads the saved store before starting on it: a damaged one fails here unless --repair. */
  private boolean storeReadable(ClusterHome home) {
    try {
      StorePersistence.check(home.dataDir(), repair)
          .ifPresent(dropped -> System.out.println("Store repaired: " + dropped));
      return true;
    } catch (DamagedStoreException e) {
      System.err.println("error: " + e.getMessage());
      return false;
    } catch (IOException e) {
      System.err.println("error: cannot read the store in " + home.dataDir() + ": " + e);
      return false;
    }
  }

  private int startInBackground(ClusterHome home, List<String> args, long heapMiB)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    System.out.println(
        "Starting cluster \"" + name + "\" (" + nodes + " node(s), " + runtime + " runtime)");
    List<String> cmd = new ArrayList<>();
    if (new File("/bin/sh").canExecute()) {
      // umask 077: whatever the cluster and its pods create without an explicit mode is private
      cmd.addAll(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "skiff-cluster"));
    }
    if (new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heapMiB + "m");
    // start small: the heap grows to the maximum only if the cluster needs it (an idle 1-node
    // cluster keeps about 50 MiB live; 32 MiB rather than 128 MiB at the start: 17 MiB less idle
    // RSS, the young generation being a third of the committed heap and all of it touched)
    cmd.add("-Xms" + Math.min(heapMiB, 32) + "m");
    cmd.add("-XX:+UseSerialGC");
    // C1 only: starts 2-3x faster on 2 busy cores than with C2, but C1 has no AES-GCM/GHASH
    // intrinsics, which caps TLS (and so port-forward) at ~10-17 MiB/s per pass
    // (docs/benchmarks.md, "Port-forward throughput (issue 15)")
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xss512k");
    ClassArchive archive = ClassArchive.forCluster(home);
    if (archive != null) {
      cmd.addAll(archive.jvmOptions());
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(dev.skiff.cli.embedded.EmbeddedClusterMain.class.getName());
    cmd.addAll(args);
    Process process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.prepareLogFile().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(home.readyFile())) {
        ReadyInfo info = ReadyInfo.readFrom(home.readyFile());
        printReady(info, home, Duration.ofNanos(System.nanoTime() - start));
        return 0;
      }
      if (!process.isAlive()) {
        System.err.println("error: the cluster process exited with code " + process.exitValue());
        printLogTail(home);
        home.clearRuntimeFiles();
        return 1;
      }
      Thread.sleep(20);
    }
    System.err.println("error: the cluster did not become ready within " + timeoutSeconds + " s");
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
    printLogTail(home);
    home.clearRuntimeFiles();
    return 1;
  }

  private void printReady(ReadyInfo info, ClusterHome home, Duration took) {
    for (String step : info.steps()) {
      System.out.println("  ✓ " + step);
    }
    if (info.notices() != null) {
      info.notices().forEach(notice -> System.out.println("  ! " + notice));
    }
    System.out.printf("Cluster \"%s\" is ready in %d ms.%n", name, took.toMillis());
    System.out.println();
    System.out.println("  API server:  " + info.server());
    for (String node : info.nodes()) {
      System.out.println("  node:        " + node);
    }
    if (info.dns() != null) {
      System.out.println("  cluster DNS: " + info.dns());
    }
    if (info.addresses() != null) {
      System.out.println("  addresses:   " + info.addresses());
    }
    System.out.println("  kubeconfig:  " + info.kubeconfig());
    System.out.println();
    System.out.println("Try:");
    System.out.println("  export KUBECONFIG=" + info.kubeconfig());
    System.out.println("  kubectl get nodes");
    System.out.println(
        "Stop it with: ./skiff down" + (name.equals("skiff") ? "" : " --name " + name));
  }

  static void printLogTail(ClusterHome home) {
    try {
      List<String> lines = Files.readAllLines(home.logFile());
      System.err.println("--- last lines of " + home.logFile() + " ---");
      lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
    } catch (IOException e) {
      System.err.println("(no log at " + home.logFile() + ")");
    }
  }
}

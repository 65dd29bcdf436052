package dev.skiff.cli;

import dev.skiff.api.Json;
import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a started cluster tells the CLI through its {@code ready} file.
 *
 * @param server API server URL
 * @param kubeconfig path of the kubeconfig the cluster wrote
 * @param nodes node names with their addresses ("node-1 127.0.1.1")
 * @param dns cluster DNS address ("127.0.0.1:53")
 * @param steps per-step start timings for the progress output ("api-server 412 ms")
 * @param addresses the cluster's address ranges, one line for people
 * @param loadBalancer where the cluster's LoadBalancer role serves /metrics ("127.0.0.1:PORT"), or
 *     null
 * @param notices what the user should know about this start ("the API server's port 6443 is taken
 *     ..."); null in ready files of older versions
 */
public record ReadyInfo(
    String server,
    String kubeconfig,
    List<String> nodes,
    String dns,
    List<String> steps,
    String addresses,
    String loadBalancer,
    List<String> notices) {

  public void writeTo(Path file) throws IOException {
    PrivateFiles.write(file, Json.toBytes(this));
  }

  public static ReadyInfo readFrom(Path file) throws IOException {
    return Json.mapper().readValue(Files.readAllBytes(file), ReadyInfo.class);
  }
}

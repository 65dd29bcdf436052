package dev.skiff.agent.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ip(8)} (iproute2) with arguments, output and errors together. Blocking. */
public final class Ip {
  private static final long TIMEOUT_SECONDS = 10;

  private Ip() {}

  /** What {@code ip} answered: its exit code and its combined output. */
  public record Result(int code, String output) {
    public boolean ok() {
      return code == 0;
    }
  }

  public static Result run(String... args) {
    return run(List.of(args));
  }

  public static Result run(List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("ip");
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, String.join(" ", command) + ": timed out");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  /** Runs it and fails with {@code ip}'s own words when it does not succeed. */
  public static String check(List<String> args) {
    Result r = run(args);
    if (!r.ok()) {
      throw new IllegalStateException("ip " + String.join(" ", args) + ": " + r.output().strip());
    }
    return r.output();
  }
}

package dev.skiff.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's dig (dnsutils) against a server on loopback and parses its output. */
public final class Dig {
  private static final Pattern STATUS = Pattern.compile("status: ([A-Z]+)");
  private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]+);");

  private Dig() {}

  /** The parsed output of one dig run. */
  public record Result(
      String status,
      List<String> flags,
      List<Record> answers,
      List<Record> additional,
      String raw) {
    public List<String> answerData() {
      return answers.stream().map(Record::data).toList();
    }
  }

  /** One resource record line: owner, TTL, type, data. */
  public record Record(String owner, long ttl, String type, String data) {}

  /** {@code dig @127.0.0.1 -p port +tries=1 +time=2 <args>}. */
  public static Result query(int port, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("dig", "@127.0.0.1", "-p", String.valueOf(port), "+tries=1", "+time=3"));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Runs {@code command} (a dig command line) and parses what it printed. */
  public static Result run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    return parse(Processes.run(builder, null, Duration.ofSeconds(20)).stdout());
  }

  /** Parses the last response in dig's output (dig prints one per search-list attempt). */
  public static Result parse(String output) {
    String status = null;
    List<String> flags = List.of();
    List<Record> answers = new ArrayList<>();
    List<Record> additional = new ArrayList<>();
    List<Record> section = null;
    for (String line : output.split("\n")) {
      Matcher s = STATUS.matcher(line);
      if (s.find()) {
        status = s.group(1);
        answers = new ArrayList<>();
        additional = new ArrayList<>();
        section = null;
      }
      Matcher f = FLAGS.matcher(line);
      if (f.find()) {
        flags = List.of(f.group(1).trim().split(" "));
      }
      if (line.startsWith(";; ANSWER SECTION")) {
        section = answers;
      } else if (line.startsWith(";; ADDITIONAL SECTION")) {
        section = additional;
      } else if (line.startsWith(";;") || line.isBlank()) {
        section = line.isBlank() ? null : section;
      } else if (section != null && !line.startsWith(";")) {
        String[] parts = line.trim().split("\\s+", 5);
        if (parts.length == 5) {
          section.add(new Record(parts[0], Long.parseLong(parts[1]), parts[3], parts[4]));
        }
      }
    }
    return new Result(status, flags, answers, additional, output);
  }
}

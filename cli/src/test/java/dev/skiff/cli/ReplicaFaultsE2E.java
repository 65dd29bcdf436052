package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.testing.FreePorts;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code skiff server} replicas as processes on three loopback "machines", each with its own
 * data directory, and a writer creating ConfigMaps through all three with a real HTTPS client. The
 * faults are real: {@code kill -9} of a replica at random moments of every round (in odd rounds a
 * second one right after the restarted one's member joined, while partitions migrate), restarted on
 * its own disk; one replica cut off from the other two with iptables; a full stop and start of all
 * three. Every acknowledged object must be there, unchanged, listed identically (names and
 * resourceVersions) by every replica.
 *
 * <p>The full run (10,000 writes over 20 rounds, {@code bench/replicas/run.sh}) sets {@code
 * -Dskiff.faults.rounds=20 -Dskiff.faults.writes=10000}; CI uses the small defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsE2E {
  static final String[] ADDRESSES = {"127.0.0.41", "127.0.0.42", "127.0.0.43"};
  static final int ROUNDS = Integer.getInteger("skiff.faults.rounds", 2);
  static final int WRITES = Integer.getInteger("skiff.faults.writes", 200);
  static final Duration START = Duration.ofSeconds(180);
  static final String NS = "/api/v1/namespaces/default/configmaps";

  @TempDir static Path home;
  final List<Replica> replicas = new ArrayList<>();
  final Map<String, Acked> acked = new ConcurrentHashMap<>();
  final Random random = new Random(Long.getLong("skiff.faults.seed", System.nanoTime()));
  HttpClient http;
  String token;

  record Acked(String value, String resourceVersion, int replica) {}

  /** One replica: its addresses, ports and data directory stay; its process changes. */
  final class Replica {
    final int index;
    final String address;
    final int apiPort;
    final int memberPort;
    final Path dataDir;
    Process process;
    Path log;
    int starts;

    Replica(int index) {
      this.index = index;
      this.address = ADDRESSES[index];
      this.apiPort = FreePorts.on(address);
      this.memberPort = FreePorts.on(address);
      this.dataDir = home.resolve("server-" + index);
    }

    String url() {
      return "https://" + address + ":" + apiPort;
    }

    void start(String... extra) throws IOException {
      starts++;
      log = home.resolve("server-" + index + "-" + starts + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      command.add("-XX:TieredStopAtLevel=1"); // starts sooner; every restart is on the clock
      command.add("-jar");
      command.add(SkiffProcess.cliJar().toString());
      command.addAll(
          List.of(
              "server",
              "--address",
              address,
              "--port",
              "" + apiPort,
              "--member-port",
              "" + memberPort,
              "--data-dir",
              dataDir.toString(),
              "--members",
              members()));
      command.addAll(List.of(extra));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("HOME", home.toString());
      builder.environment().put("SKIFF_HOME", home.toString());
      process = builder.start();
    }

    String output() throws IOException {
      return Files.readString(log);
    }

    void awaitLine(String text) {
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                String out = output();
                assertThat(process.isAlive() || out.contains(text))
                    .as("server-" + index + " exited early:\n" + out)
                    .isTrue();
                assertThat(out).as("server-" + index).contains(text);
              });
    }

    void awaitReady() {
      awaitLine("skiff server: ready");
    }

    void kill9() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("server-" + index).isTrue();
    }
  }

  /** Every replica's store member, so that any one restarting finds the others. */
  String members() {
    return String.join(",", replicas.stream().map(r -> r.address + ":" + r.memberPort).toList());
  }

  /** A create's outcome: its status and body, or status -1 when no answer came. */
  record Result(int statusCode, String body) {}

  static Thread daemon(Runnable body) {
    Thread t = new Thread(body);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @BeforeAll
  void startReplicas() throws Exception {
    for (int i = 0; i < 3; i++) {
      replicas.add(new Replica(i));
    }
    Replica first = replicas.get(0);
    first.start();
    first.awaitReady();
    String joinToken = Files.readString(first.dataDir.resolve("join-token")).strip();
    for (Replica r : replicas.subList(1, 3)) {
      r.start("--join", first.url(), "--token", joinToken);
    }
    for (Replica r : replicas) {
      r.awaitReady();
    }
    token = Files.readString(first.dataDir.resolve("token")).strip();
    http = HttpClient.newBuilder().sslContext(trusting(first.dataDir.resolve("ca.crt"))).build();
  }

  @AfterAll
  void stopReplicas() throws Exception {
    for (Replica r : replicas) {
      if (r.process != null) {
        r.process.destroy();
      }
    }
    for (Replica r : replicas) {
      if (r.process != null && !r.process.waitFor(60, TimeUnit.SECONDS)) {
        r.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Order(1)
  void killNineOfAReplicaAtRandomMomentsLosesNoAcknowledgedWrite() throws Exception {
    Writer writer = new Writer("k");
    long started = System.nanoTime();
    writer.start();
    int kills = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        int target = (round + 1) * WRITES / ROUNDS;
        Replica victim = replicas.get(random.nextInt(3));
        Thread.sleep(100 + random.nextInt(1500));
        victim.kill9();
        kills++;
        Thread.sleep(random.nextInt(1000));
        victim.start();
        if (round % 2 == 1) {
          // right after the restarted member joined, while partitions migrate to it
          victim.awaitLine("Members {size:3");
          Thread.sleep(random.nextInt(500));
          Replica second = replicas.get((victim.index + 1 + random.nextInt(2)) % 3);
          second.kill9();
          kills++;
          second.start();
          second.awaitReady();
        }
        victim.awaitReady();
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> writer.acknowledged.get() >= target);
      }
    } finally {
      writer.stop();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "replica faults: %d rounds, %d kill -9, %d writes tried, %d acknowledged, %d refused"
            + " (503), %d failed otherwise, %.1f s, %.0f acknowledged writes/s%n",
        ROUNDS,
        kills,
        writer.tried.get(),
        writer.acknowledged.get(),
        writer.refused.get(),
        writer.failed.get(),
        seconds,
        writer.acknowledged.get() / seconds);
    assertThat(writer.acknowledged.get()).isGreaterThanOrEqualTo(WRITES);
    assertEveryReplicaListsEveryAcknowledgedObject();
  }

  @Test
  @Order(2)
  void aReplicaCutOffFromTheOtherTwoRefusesWritesAndCatchesUpAfterTheHeal() throws Exception {
    Replica cut = replicas.get(2);
    Watcher watcher = new Watcher(cut);
    watcher.start();
    Writer majority = new Writer("p", 0, 1);
    List<String> rules = new ArrayList<>();
    for (Replica other : replicas.subList(0, 2)) {
      rules.add(cut.address + " " + other.address);
      rules.add(other.address + " " + cut.address);
    }
    long refusedThroughCut = 0;
    String refusal = null;
    try {
      for (String rule : rules) {
        String[] ab = rule.split(" ");
        iptables("-I", "INPUT", "-s", ab[0], "-d", ab[1], "-j", "DROP");
      }
      majority.start();
      // within the failure detection (10 s) the cut replica's writes fail as unconfirmed; then
      // it knows it is alone and refuses them at once
      long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
      int attempt = 0;
      while (System.nanoTime() < deadline && refusedThroughCut < 5) {
        Result r = create(cut, "cut-" + attempt++, "x");
        assertThat(r.statusCode()).as(r.body()).isNotEqualTo(201);
        if (r.statusCode() == 503 && r.body().contains("cut off from the majority")) {
          refusedThroughCut++;
          refusal = r.body();
        }
      }
      assertThat(refusedThroughCut).as("writes refused by the cut-off replica").isEqualTo(5);
      JsonNode status = Json.mapper().readTree(refusal);
      assertThat(status.path("kind").asText()).isEqualTo("Status");
      assertThat(status.path("code").asInt()).isEqualTo(503);
      assertThat(status.path("reason").asText()).isEqualTo("ServiceUnavailable");
      int before = majority.acknowledged.get();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> majority.acknowledged.get() >= before + 50);
    } finally {
      for (String rule : rules) {
        String[] ab = rule.split(" ");
        iptables("-D", "INPUT", "-s", ab[0], "-d", ab[1], "-j", "DROP");
      }
    }
    // after the heal the replica merges back into the majority and writes again
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> create(cut, "healed-" + System.nanoTime(), "y").statusCode() == 201);
    majority.stop();
    System.out.printf(
        "partition: %d writes acknowledged by the majority, %d refused by the cut-off replica"
            + " (503), %d tried in all%n",
        majority.acknowledged.get(), refusedThroughCut, majority.tried.get());
    for (String name : acked.keySet()) {
      assertThat(name).doesNotStartWith("cut-");
    }
    assertEveryReplicaListsEveryAcknowledgedObject();
    // the watch served by the cut-off replica: every acknowledged object of the majority arrived
    // (by an event, or by the relist after a 410), none twice
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (String name : majority.names) {
                assertThat(watcher.seen).as("watch on the cut-off replica").containsKey(name);
              }
            });
    watcher.stop();
    assertThat(watcher.duplicates).as("events delivered twice").isEmpty();
    assertThat(watcher.outOfOrder.get()).as("events out of order").isZero();
    System.out.printf(
        "watch on the cut-off replica: %d events, %d relists after 410%n",
        watcher.events.get(), watcher.relists.get());
  }

  @Test
  @Order(3)
  void aFullStopAndStartOfAllThreeKeepsEveryAcknowledgedObject() throws Exception {
    Writer writer = new Writer("f");
    writer.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> writer.acknowledged.get() >= 50);
    writer.stop();
    for (Replica r : replicas) {
      r.process.destroy(); // SIGTERM, one after the other
      assertThat(r.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
      assertThat(r.output()).contains("skiff server: stopping");
      assertThat(Files.exists(r.dataDir.resolve("store").resolve("objects.log"))).isTrue();
    }
    long started = System.nanoTime();
    for (Replica r : replicas) {
      r.start();
    }
    for (Replica r : replicas) {
      r.awaitReady();
    }
    System.out.printf(
        "full restart of 3 replicas from disk: %.1f s until all ready, %d objects acknowledged%n",
        (System.nanoTime() - started) / 1e9, acked.size());
    String restored = String.join("\n", replicas.stream().map(this::outputOf).toList());
    assertThat(restored).contains("restored");
    assertEveryReplicaListsEveryAcknowledgedObject();
  }

  private String outputOf(Replica r) {
    try {
      return r.output();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every replica lists the same names and versions, and every acknowledged object as written. */
  private void assertEveryReplicaListsEveryAcknowledgedObject() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, String> first = null;
              for (Replica r : replicas) {
                Map<String, JsonNode> listed = list(r);
                Map<String, String> versions = new TreeMap<>();
                listed.forEach(
                    (name, item) ->
                        versions.put(name, item.path("metadata").path("resourceVersion").asText()));
                List<String> missing = new ArrayList<>();
                List<String> changed = new ArrayList<>();
                acked.forEach(
                    (name, a) -> {
                      JsonNode item = listed.get(name);
                      if (item == null) {
                        missing.add(name);
                      } else if (!item.path("data").path("v").asText().equals(a.value())
                          || !versions.get(name).equals(a.resourceVersion())) {
                        changed.add(name);
                      }
                    });
                assertThat(missing).as("acknowledged, missing on server-" + r.index).isEmpty();
                assertThat(changed).as("acknowledged, changed on server-" + r.index).isEmpty();
                if (first == null) {
                  first = versions;
                } else {
                  assertThat(versions).as("server-" + r.index + " vs server-0").isEqualTo(first);
                }
              }
            });
  }

  private Map<String, JsonNode> list(Replica r) throws Exception {
    HttpResponse<String> response =
        http.send(
            request(r, NS).timeout(Duration.ofSeconds(20)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, JsonNode> items = new HashMap<>();
    for (JsonNode item : Json.mapper().readTree(response.body()).path("items")) {
      items.put(item.path("metadata").path("name").asText(), item);
    }
    return items;
  }

  private HttpRequest.Builder request(Replica r, String path) {
    return HttpRequest.newBuilder(URI.create(r.url() + path))
        .header("Authorization", "Bearer " + token);
  }

  private Result create(Replica r, String name, String value) throws InterruptedException {
    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"data\":{\"v\":\""
            + value
            + "\"}}";
    try {
      HttpResponse<String> response =
          http.send(
              request(r, NS)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Result(-1, e.toString());
    }
  }

  /** Creates ConfigMaps through the given replicas in turn until stopped; records the acks. */
  final class Writer {
    final String prefix;
    final int[] through;
    final AtomicBoolean stopped = new AtomicBoolean();
    final AtomicInteger tried = new AtomicInteger();
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final Set<String> names = Collections.newSetFromMap(new ConcurrentHashMap<>());
    final List<Thread> threads = new ArrayList<>();

    Writer(String prefix, int... through) {
      this.prefix = prefix;
      this.through = through.length == 0 ? new int[] {0, 1, 2} : through;
    }

    void start() {
      for (int t = 0; t < 2; t++) {
        int thread = t;
        threads.add(daemon(() -> run(thread)));
      }
    }

    private void run(int thread) {
      for (int i = 0; !stopped.get(); i++) {
        String name = prefix + "-" + thread + "-" + i;
        String value = "value-" + name + "-" + System.nanoTime();
        int index = through[i % through.length];
        tried.incrementAndGet();
        try {
          Result r = create(replicas.get(index), name, value);
          if (r.statusCode() == 201) {
            String rv =
                Json.mapper().readTree(r.body()).path("metadata").path("resourceVersion").asText();
            acked.put(name, new Acked(value, rv, index));
            names.add(name);
            acknowledged.incrementAndGet();
          } else if (r.statusCode() == 503) {
            refused.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
          if (r.statusCode() != 201) {
            Thread.sleep(20);
          }
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      }
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      for (Thread t : threads) {
        t.join(60_000);
      }
    }
  }

  /**
   * Watches ConfigMaps on one replica as a reflector does: resumes from the last version seen when
   * the stream ends, and relists on 410 Gone. Records what it saw, and any name ADDED twice or
   * version going backwards within one stream.
   */
  final class Watcher {
    final Replica replica;
    final Map<String, String> seen = new ConcurrentHashMap<>();
    final Set<String> duplicates = ConcurrentHashMap.newKeySet();
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger relists = new AtomicInteger();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicBoolean stopped = new AtomicBoolean();
    volatile InputStream body;
    Thread thread;

    Watcher(Replica replica) {
      this.replica = replica;
    }

    void start() throws Exception {
      String rv = relist();
      thread = daemon(() -> run(rv));
    }

    private String relist() throws Exception {
      HttpResponse<String> r =
          http.send(request(replica, NS).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("list: " + r.statusCode() + " " + r.body());
      }
      JsonNode list = Json.mapper().readTree(r.body());
      Set<String> addedAfterRelist = ConcurrentHashMap.newKeySet();
      for (JsonNode item : list.path("items")) {
        String name = item.path("metadata").path("name").asText();
        seen.put(name, item.path("metadata").path("resourceVersion").asText());
        addedAfterRelist.add(name);
      }
      streamAdded.clear();
      streamAdded.addAll(addedAfterRelist);
      return list.path("metadata").path("resourceVersion").asText();
    }

    final Set<String> streamAdded = ConcurrentHashMap.newKeySet();

    private void run(String from) {
      String rv = from;
      while (!stopped.get()) {
        try {
          HttpResponse<InputStream> r =
              http.send(
                  request(replica, NS + "?watch=1&allowWatchBookmarks=false&resourceVersion=" + rv)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
          if (r.statusCode() == 410) {
            r.body().close();
            relists.incrementAndGet();
            rv = relist();
            continue;
          }
          if (r.statusCode() != 200) {
            r.body().close();
            Thread.sleep(500);
            continue;
          }
          body = r.body();
          long last = Long.parseLong(rv);
          try (BufferedReader in =
              new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
              JsonNode event = Json.mapper().readTree(line);
              String type = event.path("type").asText();
              JsonNode object = event.path("object");
              if (type.equals("ERROR")) {
                if (object.path("code").asInt() == 410) {
                  relists.incrementAndGet();
                  rv = relist();
                  last = Long.parseLong(rv);
                }
                break;
              }
              String name = object.path("metadata").path("name").asText();
              String version = object.path("metadata").path("resourceVersion").asText();
              long v = Long.parseLong(version);
              if (v <= last) {
                outOfOrder.incrementAndGet();
              }
              last = v;
              rv = version;
              events.incrementAndGet();
              if (type.equals("ADDED") && !streamAdded.add(name)) {
                duplicates.add(name);
              }
              seen.put(name, version);
            }
          }
        } catch (Exception e) {
          if (!stopped.get()) {
            try {
              Thread.sleep(500);
            } catch (InterruptedException interrupted) {
              return;
            }
          }
        }
      }
    }

    void stop() throws Exception {
      stopped.set(true);
      InputStream b = body;
      if (b != null) {
        b.close();
      }
      thread.join(10_000);
    }
  }

  private static void iptables(String... args) {
    List<String> command = new ArrayList<>();
    command.add("iptables");
    command.addAll(List.of(args));
    ProcessResult r = Processes.run(Duration.ofSeconds(20), command.toArray(String[]::new));
    assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.all()).isZero();
  }

  private static SSLContext trusting(Path caFile) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}

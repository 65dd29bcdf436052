package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod volumes and persistent storage driven by the real kubectl against {@code skiff up} (process
 * runtime: the containers are local processes, each in its own mount namespace, and {@code kubectl
 * exec ... cat /etc/config/key} reads the mounted file; {@link VolumesDockerE2E} runs the same
 * tests on the Docker runtime): configMap, secret, downwardAPI, projected (with a ServiceAccount
 * token), emptyDir shared by two containers, hostPath, subPath and subPathExpr, read-only API
 * volumes, updates through the {@code ..data} swap, FailedMount for a missing ConfigMap, and a
 * claim of the default local-path class whose data outlives its pods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumesKubectlE2E {
  @TempDir static Path home;
  SkiffProcess cli;
  String cluster;
  Path kubeconfig;

  /** The runtime the cluster's node runs pods with. */
  String runtime() {
    return "process";
  }

  /** What the runtime needs before the cluster starts. */
  void prepare() throws Exception {}

  /** {@code cat path} inside a container of a running pod. */
  String read(String pod, String container, String path) throws Exception {
    ProcessResult r = exec(pod, container, "cat", path);
    assertThat(r.exitCode()).as("cat " + path + ": " + r.all()).isZero();
    return r.stdout();
  }

  /** Runs a command inside a container of a running pod. */
  ProcessResult exec(String pod, String container, String... command) throws Exception {
    String[] args = new String[5 + command.length];
    args[0] = "exec";
    args[1] = pod;
    args[2] = "-c";
    args[3] = container;
    args[4] = "--";
    System.arraycopy(command, 0, args, 5, command.length);
    return kubectl(args);
  }

  @BeforeAll
  void startCluster() throws Exception {
    prepare();
    cli = new SkiffProcess(home);
    cluster = "vol-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessResult up = cli.skiff("up", "--name", cluster, "--runtime", runtime());
    assertThat(up.exitCode()).as(up.all()).isZero();
    kubeconfig = home.resolve("clusters").resolve(cluster).resolve("kubeconfig");
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cli != null) {
      cli.skiff("down", "--name", cluster, "--purge");
    }
  }

  @Test
  void everyVolumeKindIsAFileInsideTheContainer() throws Exception {
    Path hostDir = home.resolve("host-dir");
    apply(
        config("files-config", "hello", "port=8080")
            + secret("files-secret")
            + """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: files
          labels: {app: files, tier: web}
          annotations: {note: 'a "quoted" value'}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "echo main > /host/out; sleep 3600"]
            resources: {limits: {cpu: 500m, memory: 64Mi}}
            env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
            volumeMounts:
            - {name: config, mountPath: /etc/config}
            - {name: items, mountPath: /etc/items}
            - {name: secret, mountPath: /etc/secret}
            - {name: podinfo, mountPath: /etc/podinfo}
            - {name: projected, mountPath: /etc/projected}
            - {name: cache, mountPath: /cache}
            - {name: config, mountPath: /app/app.conf, subPath: app.conf}
            - {name: cache, mountPath: /per-pod, subPathExpr: $(POD_NAME)}
            - {name: host, mountPath: /host}
          - name: writer
            image: skiff/busybox:1
            command: ["sh", "-c", "echo from-writer > /shared/note; sleep 3600"]
            volumeMounts: [{name: cache, mountPath: /shared}]
          volumes:
          - {name: config, configMap: {name: files-config}}
          - name: items
            configMap:
              name: files-config
              items: [{key: greeting, path: nested/hello.txt, mode: 0400}]
          - {name: secret, secret: {secretName: files-secret, defaultMode: 0440}}
          - name: podinfo
            downwardAPI:
              items:
              - {path: name, fieldRef: {fieldPath: metadata.name}}
              - {path: labels, fieldRef: {fieldPath: metadata.labels}}
              - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}
              - {path: cpu, resourceFieldRef: {containerName: main, resource: limits.cpu, divisor: 1m}}
          - name: projected
            projected:
              sources:
              - configMap: {name: files-config, items: [{key: greeting, path: greeting}]}
              - secret: {name: files-secret, items: [{key: user, path: user}]}
              - downwardAPI: {items: [{path: namespace, fieldRef: {fieldPath: metadata.namespace}}]}
              - serviceAccountToken: {path: token, expirationSeconds: 3600, audience: vault}
          - {name: cache, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
          - {name: host, hostPath: {path: HOST_DIR, type: DirectoryOrCreate}}
        """
                .replace("HOST_DIR", hostDir.toString()));
    ok("wait", "--for=condition=Ready", "pod/files", "--timeout=60s");

    assertThat(read("files", "main", "/etc/config/greeting")).isEqualTo("hello");
    assertThat(read("files", "main", "/etc/config/app.conf")).isEqualTo("port=8080");
    assertThat(exec("files", "main", "ls", "-a", "/etc/config").stdout()).contains("..data");
    assertThat(read("files", "main", "/etc/items/nested/hello.txt")).isEqualTo("hello");
    assertThat(
            exec("files", "main", "stat", "-L", "-c", "%a", "/etc/items/nested/hello.txt").stdout())
        .isEqualTo("400\n");
    assertThat(read("files", "main", "/etc/secret/password")).isEqualTo("s3cret");
    assertThat(exec("files", "main", "stat", "-L", "-c", "%a", "/etc/secret/password").stdout())
        .isEqualTo("440\n");
    assertThat(read("files", "main", "/etc/podinfo/name")).isEqualTo("files");
    assertThat(read("files", "main", "/etc/podinfo/labels"))
        .isEqualTo("app=\"files\"\ntier=\"web\"");
    assertThat(read("files", "main", "/etc/podinfo/annotations"))
        .contains("note=\"a \\\"quoted\\\" value\"");
    assertThat(read("files", "main", "/etc/podinfo/cpu")).isEqualTo("500");
    assertThat(read("files", "main", "/etc/projected/greeting")).isEqualTo("hello");
    assertThat(read("files", "main", "/etc/projected/user")).isEqualTo("admin");
    assertThat(read("files", "main", "/etc/projected/namespace")).isEqualTo("default");
    String token = read("files", "main", "/etc/projected/token");
    JsonNode claims = Json.tree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.path("aud").toString()).contains("vault");
    assertThat(claims.path("sub").asText()).isEqualTo("system:serviceaccount:default:default");
    assertThat(read("files", "main", "/var/run/secrets/kubernetes.io/serviceaccount/namespace"))
        .isEqualTo("default");
    assertThat(read("files", "main", "/app/app.conf")).isEqualTo("port=8080");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(read("files", "main", "/cache/note")).isEqualTo("from-writer\n"));
    assertThat(exec("files", "main", "sh", "-c", "echo x > /per-pod/f").exitCode()).isZero();
    assertThat(read("files", "writer", "/shared/files/f")).isEqualTo("x\n");
    assertThat(Files.readString(hostDir.resolve("out"))).isEqualTo("main\n");

    ProcessResult readOnly = exec("files", "main", "sh", "-c", "echo x > /etc/config/new");
    assertThat(readOnly.exitCode()).isNotZero();
    assertThat(readOnly.all()).contains("Read-only file system");
  }

  @Test
  void aChangedConfigMapReachesItsVolumeButNotASubPathMount() throws Exception {
    apply(
        config("live-config", "hello", "port=8080")
            + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: live}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "sleep 3600"]
            volumeMounts:
            - {name: config, mountPath: /etc/config}
            - {name: config, mountPath: /app/app.conf, subPath: app.conf}
          volumes:
          - {name: config, configMap: {name: live-config}}
        """);
    ok("wait", "--for=condition=Ready", "pod/live", "--timeout=60s");
    assertThat(read("live", "main", "/etc/config/greeting")).isEqualTo("hello");

    apply(config("live-config", "bonjour", "port=9090"));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(read("live", "main", "/etc/config/greeting")).isEqualTo("bonjour"));
    assertThat(read("live", "main", "/etc/config/app.conf")).isEqualTo("port=9090");
    assertThat(read("live", "main", "/app/app.conf")).isEqualTo("port=8080");
  }

  @Test
  void aMissingConfigMapHoldsThePodWithFailedMountUntilItExists() throws Exception {
    apply(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: waits}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "cat /etc/config/greeting; echo; sleep 3600"]
            volumeMounts: [{name: config, mountPath: /etc/config}]
          volumes:
          - {name: config, configMap: {name: not-yet}}
        """);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ok("describe", "pod", "waits"))
                    .contains("FailedMount")
                    .contains(
                        "MountVolume.SetUp failed for volume \"config\" : configmap \"not-yet\""
                            + " not found"));
    assertThat(ok("get", "pod", "waits")).containsPattern("waits\\s+0/1\\s+ContainerCreating");

    apply(config("not-yet", "finally", "port=1"));

    ok("wait", "--for=condition=Ready", "pod/waits", "--timeout=60s");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(ok("logs", "waits")).isEqualTo("finally\n"));
  }

  @Test
  void aClaimOfTheDefaultClassBindsOnFirstUseAndKeepsDataAcrossPods() throws Exception {
    assertThat(ok("get", "storageclass"))
        .containsPattern(
            "NAME\\s+PROVISIONER\\s+RECLAIMPOLICY\\s+VOLUMEBINDINGMODE\\s+ALLOWVOLUMEEXPANSION\\s+AGE")
        .containsPattern(
            "local-path \\(default\\)\\s+rancher.io/local-path\\s+Delete\\s+WaitForFirstConsumer\\s+false");
    apply(
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(ok("get", "pvc", "data"))
                    .containsPattern(
                        "NAME\\s+STATUS\\s+VOLUME\\s+CAPACITY\\s+ACCESS MODES\\s+STORAGECLASS\\s+VOLUMEATTRIBUTESCLASS\\s+AGE")
                    .containsPattern("data\\s+Pending\\s+local-path\\s+<unset>"));
    assertThat(ok("describe", "pvc", "data"))
        .contains("waiting for first consumer to be created before binding");

    apply(writerPod("first", "echo kept > /data/file; sleep 3600"));
    ok("wait", "--for=condition=Ready", "pod/first", "--timeout=60s");
    String volume = ok("get", "pvc", "data", "-o", "jsonpath={.spec.volumeName}");
    assertThat(volume).startsWith("pvc-");
    assertThat(ok("get", "pvc,pv"))
        .containsPattern(
            "persistentvolumeclaim/data\\s+Bound\\s+" + volume + "\\s+1Gi\\s+RWO\\s+local-path")
        .containsPattern(
            "persistentvolume/"
                + volume
                + "\\s+1Gi\\s+RWO\\s+Delete\\s+Bound\\s+default/data\\s+local-path");
    Path dir = Path.of(ok("get", "pv", volume, "-o", "jsonpath={.spec.hostPath.path}"));
    assertThat(dir).startsWith(home.resolve("clusters").resolve(cluster));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("file")));

    ok("delete", "pod", "first", "--wait=true");
    apply(writerPod("second", "cat /data/file; sleep 3600"));
    ok("wait", "--for=condition=Ready", "pod/second", "--timeout=60s");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(ok("logs", "second")).isEqualTo("kept\n"));

    ok("delete", "pvc", "data", "--wait=false");
    assertThat(ok("get", "pvc", "data")).containsPattern("data\\s+Terminating");
    ok("delete", "pod", "second", "--wait=true");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(kubectl("get", "pvc", "data").exitCode()).isNotZero();
              assertThat(kubectl("get", "pv", volume).exitCode()).isNotZero();
              assertThat(dir).doesNotExist();
            });
  }

  @Test
  void aPodWhoseEmptyDirOutgrowsItsSizeLimitIsEvicted() throws Exception {
    apply(scratchPod("within", 256) + "---\n" + scratchPod("outgrows", 2048));
    ok("wait", "--for=condition=Ready", "pod/within", "pod/outgrows", "--timeout=60s");
    String message = "Usage of EmptyDir volume \"scratch\" exceeds the limit \"1Mi\". ";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ok(
                            "get",
                            "pod",
                            "outgrows",
                            "-o",
                            "jsonpath={.status.phase}|{.status.reason}|{.status.message}"))
                    .isEqualTo("Failed|Evicted|" + message));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        ok(
                            "get",
                            "pod",
                            "outgrows",
                            "-o",
                            "jsonpath={.status.containerStatuses[0].state.terminated.exitCode}"
                                + " {.status.conditions[?(@.type==\"Ready\")].status}"))
                    .as("stopped (SIGTERM, SIGKILL after the 1 s grace period) and not ready")
                    .matches("(137|143) False"));
    assertThat(
            ok(
                "get",
                "events",
                "--field-selector",
                "involvedObject.name=outgrows,reason=Evicted",
                "-o",
                "jsonpath={.items[*].type}|{.items[*].message}|{.items[*].source.component}"))
        .isEqualTo("Warning|" + message + "|kubelet");
    assertThat(ok("describe", "pod", "outgrows"))
        .containsPattern("Status:\\s+Failed")
        .containsPattern("Reason:\\s+Evicted")
        .contains(message.strip());
    // The agent checks every pod's emptyDirs every 5 s: the pod within its limit stays Running
    // through more than one round.
    await()
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(ok("get", "pod", "within", "-o", "jsonpath={.status.phase}"))
                    .as("a pod within its limit stays")
                    .isEqualTo("Running"));
    ok("delete", "pod", "within", "outgrows", "--wait=true");
  }

  @Test
  void aMemoryEmptyDirIsATmpfsOfItsSizeLimitGoneWithThePod() throws Exception {
    apply(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: in-memory}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "grep ' /cache ' /proc/mounts; exec sleep 3600"]
            volumeMounts: [{name: cache, mountPath: /cache}]
          volumes:
          - {name: cache, emptyDir: {medium: Memory, sizeLimit: 2Mi}}
        """);
    ok("wait", "--for=condition=Ready", "pod/in-memory", "--timeout=60s");
    String uid = ok("get", "pod", "in-memory", "-o", "jsonpath={.metadata.uid}");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(ok("logs", "in-memory"))
                    .startsWith("tmpfs /cache tmpfs ")
                    .contains("size=2048k"));
    assertThat(Files.readString(Path.of("/proc/mounts")))
        .as("the node's tmpfs")
        .contains(uid + "/volumes/kubernetes.io~empty-dir/cache tmpfs");
    ok("delete", "pod", "in-memory", "--wait=true");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(uid));
  }

  /** A pod that writes KIB KiB into an emptyDir limited to 1Mi, then sleeps. */
  private static String scratchPod(String name, int kib) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: NAME}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "dd if=/dev/zero of=/scratch/fill bs=1024 count=KIB && exec sleep 3600"]
            volumeMounts: [{name: scratch, mountPath: /scratch}]
          volumes:
          - {name: scratch, emptyDir: {sizeLimit: 1Mi}}
        """
        .replace("NAME", name)
        .replace("KIB", Integer.toString(kib));
  }

  private static String writerPod(String name, String script) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: NAME}
        spec:
          containers:
          - name: main
            image: skiff/busybox:1
            command: ["sh", "-c", "SCRIPT"]
            volumeMounts: [{name: data, mountPath: /data}]
          volumes:
          - {name: data, persistentVolumeClaim: {claimName: data}}
        """
        .replace("NAME", name)
        .replace("SCRIPT", script);
  }

  private static String config(String name, String greeting, String conf) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: NAME}
        data: {greeting: GREETING, app.conf: CONF}
        """
        .replace("NAME", name)
        .replace("GREETING", greeting)
        .replace("CONF", conf);
  }

  private static String secret(String name) {
    return """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: NAME}
        stringData: {password: s3cret, user: admin}
        """
        .replace("NAME", name);
  }

  String ok(String... args) throws Exception {
    ProcessResult r = kubectl(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.all()).isZero();
    return r.stdout();
  }

  ProcessResult kubectl(String... args) throws Exception {
    return cli.kubectl(kubeconfig, args);
  }

  private void apply(String yaml) throws Exception {
    Path file = Files.createTempFile(home, "manifest", ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    ProcessResult r = kubectl("apply", "-f", file.toString());
    assertThat(r.exitCode()).as(r.all()).isZero();
  }
}

package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.PORT_RANGE;
import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.ExecAction;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.core.TCPSocketAction;
import dev.skiff.api.model.core.VolumeMount;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.status.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodValidationTest {
  static final String POD =
      """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
       "spec":{"volumes":[{"name":"data","emptyDir":{}}],
               "containers":[{"name":"web","image":"nginx:1.27",
                 "ports":[{"name":"http","containerPort":8080}],
                 "env":[{"name":"POD_IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}}],
                 "volumeMounts":[{"name":"data","mountPath":"/data"}],
                 "readinessProbe":{"httpGet":{"port":"http"}},
                 "livenessProbe":{"tcpSocket":{"port":8080}}}]}}
      """;

  static Pod pod() {
    return Cases.parse(POD, Pod.class);
  }

  static Container web(Pod p) {
    return p.spec.containers.get(0);
  }

  @Test
  void acceptsRealisticPod() {
    assertThat(Validation.validate(pod(), null)).isEmpty();
  }

  static Stream<Arguments> rules() {
    String c0 = "spec.containers[0]";
    return Stream.of(
        row(
            "name required",
            (Pod p) -> p.metadata.name = null,
            cause(
                "metadata.name",
                "FieldValueRequired",
                "Required value: name or generateName is required")),
        row(
            "generateName stands in for name",
            (Pod p) -> {
              p.metadata.name = null;
              p.metadata.generateName = "web-";
            }),
        row(
            "name is a DNS subdomain",
            (Pod p) -> p.metadata.name = "Web",
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"Web\": " + Cases.DNS1123_SUBDOMAIN_MSG)),
        row(
            "namespace required",
            (Pod p) -> p.metadata.namespace = null,
            cause("metadata.namespace", "FieldValueRequired", "Required value")),
        row(
            "label value at most 63 characters",
            (Pod p) -> p.metadata.labels = Map.of("app", "a".repeat(64)),
            cause(
                "metadata.labels",
                "FieldValueInvalid",
                "Invalid value: \"" + "a".repeat(64) + "\": must be no more than 63 characters")),
        row(
            "label key is a qualified name",
            (Pod p) -> p.metadata.labels = Map.of("example.com/", "x"),
            cause(
                "metadata.labels",
                "FieldValueInvalid",
                "Invalid value: \"example.com/\": name part must be non-empty"),
            cause(
                "metadata.labels",
                "FieldValueInvalid",
                "Invalid value: \"example.com/\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")),
        row(
            "at least one container",
            (Pod p) -> p.spec.containers = new ArrayList<>(),
            cause("spec.containers", "FieldValueRequired", "Required value")),
        row(
            "container name is a DNS label",
            (Pod p) -> web(p).name = "Web_1",
            cause(
                c0 + ".name",
                "FieldValueInvalid",
                "Invalid value: \"Web_1\": " + Cases.DNS1123_LABEL_MSG)),
        row(
            "container names unique",
            (Pod p) -> p.spec.containers.add(sidecar("web")),
            cause("spec.containers[1].name", "FieldValueDuplicate", "Duplicate value: \"web\"")),
        row(
            "init and regular container names unique",
            (Pod p) -> p.spec.initContainers = List.of(sidecar("web")),
            cause("spec.containers[0].name", "FieldValueDuplicate", "Duplicate value: \"web\"")),
        row(
            "image required",
            (Pod p) -> web(p).image = null,
            cause(c0 + ".image", "FieldValueRequired", "Required value")),
        row(
            "image without surrounding spaces",
            (Pod p) -> web(p).image = " nginx",
            cause(
                c0 + ".image",
                "FieldValueInvalid",
                "Invalid value: \" nginx\": must not have leading or trailing whitespace")),
        row(
            "containerPort in range",
            (Pod p) -> web(p).ports.get(0).containerPort = 70000,
            cause(
                c0 + ".ports[0].containerPort",
                "FieldValueInvalid",
                "Invalid value: 70000: " + PORT_RANGE)),
        row(
            "containerPort required",
            (Pod p) -> web(p).ports.get(0).containerPort = null,
            cause(c0 + ".ports[0].containerPort", "FieldValueRequired", "Required value")),
        row(
            "hostPort in range",
            (Pod p) -> web(p).ports.get(0).hostPort = -1,
            cause(
                c0 + ".ports[0].hostPort",
                "FieldValueInvalid",
                "Invalid value: -1: " + PORT_RANGE)),
        row(
            "port protocol supported",
            (Pod p) -> web(p).ports.get(0).protocol = "HTTP",
            cause(
                c0 + ".ports[0].protocol",
                "FieldValueNotSupported",
                "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
        row(
            "port names unique",
            (Pod p) -> web(p).ports.add(port("http", 9090)),
            cause(c0 + ".ports[1].name", "FieldValueDuplicate", "Duplicate value: \"http\"")),
        row(
            "port name is an IANA service name",
            (Pod p) -> web(p).ports.get(0).name = "web--http",
            cause(
                c0 + ".ports[0].name",
                "FieldValueInvalid",
                "Invalid value: \"web--http\": must not contain consecutive hyphens")),
        row(
            "restartPolicy supported",
            (Pod p) -> p.spec.restartPolicy = "Sometimes",
            cause(
                "spec.restartPolicy",
                "FieldValueNotSupported",
                "Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"")),
        row(
            "dnsPolicy supported",
            (Pod p) -> p.spec.dnsPolicy = "Cluster",
            cause(
                "spec.dnsPolicy",
                "FieldValueNotSupported",
                "Unsupported value: \"Cluster\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"")),
        row(
            "dnsConfig required with dnsPolicy None",
            (Pod p) -> p.spec.dnsPolicy = "None",
            cause(
                "spec.dnsConfig",
                "FieldValueRequired",
                "Required value: must provide `dnsConfig` when `dnsPolicy` is None")),
        row(
            "imagePullPolicy supported",
            (Pod p) -> web(p).imagePullPolicy = "Sometimes",
            cause(
                c0 + ".imagePullPolicy",
                "FieldValueNotSupported",
                "Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"")),
        row(
            "probe has one handler only",
            (Pod p) -> web(p).readinessProbe.tcpSocket = tcp(8080),
            cause(
                c0 + ".readinessProbe.tcpSocket",
                "FieldValueForbidden",
                "Forbidden: may not specify more than 1 handler type")),
        row(
            "probe has a handler",
            (Pod p) -> web(p).readinessProbe.httpGet = null,
            cause(
                c0 + ".readinessProbe",
                "FieldValueRequired",
                "Required value: must specify a handler type")),
        row(
            "probe port in range",
            (Pod p) -> web(p).livenessProbe.tcpSocket.port = IntOrString.of(0),
            cause(
                c0 + ".livenessProbe.tcpSocket.port",
                "FieldValueInvalid",
                "Invalid value: 0: " + PORT_RANGE)),
        row(
            "probe timings not negative",
            (Pod p) -> web(p).readinessProbe.periodSeconds = -5,
            cause(
                c0 + ".readinessProbe.periodSeconds",
                "FieldValueInvalid",
                "Invalid value: -5: must be greater than or equal to 0")),
        row(
            "liveness successThreshold is 1",
            (Pod p) -> web(p).livenessProbe.successThreshold = 2,
            cause(
                c0 + ".livenessProbe.successThreshold",
                "FieldValueInvalid",
                "Invalid value: 2: must be 1")),
        row(
            "exec probe needs a command",
            (Pod p) -> {
              web(p).livenessProbe.tcpSocket = null;
              web(p).livenessProbe.exec = new ExecAction();
            },
            cause(c0 + ".livenessProbe.exec.command", "FieldValueRequired", "Required value")),
        row(
            "init containers have no probes",
            (Pod p) -> p.spec.initContainers = List.of(withProbe(sidecar("init"))),
            cause(
                "spec.initContainers[0].readinessProbe",
                "FieldValueForbidden",
                "Forbidden: may not be set for init containers without restartPolicy=Always")),
        row(
            "init containers have no lifecycle hooks",
            (Pod p) -> {
              Container init = sidecar("init");
              init.lifecycle =
                  Map.of("preStop", Map.of("exec", Map.of("command", List.of("true"))));
              p.spec.initContainers = List.of(init);
            },
            cause(
                "spec.initContainers[0].lifecycle",
                "FieldValueForbidden",
                "Forbidden: may not be set for init containers without restartPolicy=Always")),
        row(
            "sidecar init containers may have probes",
            (Pod p) -> {
              Container init = withProbe(sidecar("proxy"));
              init.restartPolicy = "Always";
              p.spec.initContainers = List.of(init);
            }),
        row(
            "env name has no '='",
            (Pod p) -> web(p).env.get(0).name = "A=B",
            cause(
                c0 + ".env[0].name",
                "FieldValueInvalid",
                "Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='")),
        row(
            "env value and valueFrom exclusive",
            (Pod p) -> web(p).env.get(0).value = "x",
            cause(
                c0 + ".env[0].valueFrom",
                "FieldValueInvalid",
                "Invalid value: \"\": may not be specified when `value` is not empty")),
        row(
            "env fieldRef path supported",
            (Pod p) -> web(p).env.get(0).valueFrom.fieldRef.fieldPath = "status.phase",
            cause(
                c0 + ".env[0].valueFrom.fieldRef.fieldPath",
                "FieldValueNotSupported",
                "Unsupported value: \"status.phase\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"")),
        row(
            "env fieldRef may address one label",
            (Pod p) -> web(p).env.get(0).valueFrom.fieldRef.fieldPath = "metadata.labels['app']"),
        row(
            "env name required",
            (Pod p) -> web(p).env.add(new EnvVar()),
            cause(c0 + ".env[1].name", "FieldValueRequired", "Required value")),
        row(
            "volume mount names a volume",
            (Pod p) -> web(p).volumeMounts.add(mount("cache", "/cache")),
            cause(c0 + ".volumeMounts[1].name", "FieldValueNotFound", "Not found: \"cache\"")),
        row(
            "mount paths unique",
            (Pod p) -> web(p).volumeMounts.add(mount("data", "/data")),
            cause(
                c0 + ".volumeMounts[1].mountPath",
                "FieldValueInvalid",
                "Invalid value: \"/data\": must be unique")),
        row(
            "hostname is a DNS label",
            (Pod p) -> p.spec.hostname = "web.0",
            cause(
                "spec.hostname",
                "FieldValueInvalid",
                "Invalid value: \"web.0\": " + Cases.DNS1123_LABEL_MSG)),
        row(
            "nodeSelector holds labels",
            (Pod p) -> p.spec.nodeSelector = Map.of("zone", "a b"),
            cause(
                "spec.nodeSelector",
                "FieldValueInvalid",
                "Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        row(
            "toleration operator supported",
            (Pod p) -> p.spec.tolerations = List.of(toleration("Like")),
            cause(
                "spec.tolerations[0].operator",
                "FieldValueNotSupported",
                "Unsupported value: \"Like\": supported values: \"Equal\", \"Exists\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void reportsEachRuleWithKubernetesFieldReasonAndMessage(
      String name, Consumer<Pod> change, List<StatusCause> expected) {
    Pod p = pod();
    change.accept(p);
    Cases.assertCauses(Validation.validate(p, null), expected);
  }

  static Container sidecar(String name) {
    Container c = new Container();
    c.name = name;
    c.image = "busybox";
    return c;
  }

  static Container withProbe(Container c) {
    c.readinessProbe = new Probe();
    c.readinessProbe.tcpSocket = tcp(80);
    return c;
  }

  static ContainerPort port(String name, int number) {
    ContainerPort p = new ContainerPort();
    p.name = name;
    p.containerPort = number;
    return p;
  }

  static TCPSocketAction tcp(int port) {
    TCPSocketAction t = new TCPSocketAction();
    t.port = IntOrString.of(port);
    return t;
  }

  static VolumeMount mount(String name, String path) {
    VolumeMount m = new VolumeMount();
    m.name = name;
    m.mountPath = path;
    return m;
  }

  static dev.skiff.api.model.core.Toleration toleration(String operator) {
    var t = new dev.skiff.api.model.core.Toleration();
    t.key = "k";
    t.operator = operator;
    return t;
  }
}

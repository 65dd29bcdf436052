package dev.skiff.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultsTest {
  /** The body of {@code kubectl expose deploy api --port 80 --target-port 8080}. */
  static final String EXPOSED =
      """
      {"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,"labels":{"app":"api"},"name":"api","namespace":"default"},
       "spec":{"ports":[{"port":80,"protocol":"TCP","targetPort":8080}],"selector":{"app":"api"}},"status":{"loadBalancer":{}}}
      """;

  /** The body of {@code kubectl run tmp --image busybox -- sleep 1000}. */
  static final String RUN =
      """
      {"kind":"Pod","apiVersion":"v1","metadata":{"name":"tmp","namespace":"default","creationTimestamp":null,"labels":{"run":"tmp"}},
       "spec":{"containers":[{"name":"tmp","image":"busybox","args":["sleep","1000"],"resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}
      """;

  static <T extends KubeObject> T defaulted(String json, Class<T> type) {
    T obj = Json.parse(json, type);
    Defaults.apply(obj);
    return obj;
  }

  static JsonNode tree(Object o) {
    return Json.tree(Json.toBytes(o));
  }

  @Test
  void exposedServiceGetsWhatTheRealServerShows() {
    Service svc = defaulted(EXPOSED, Service.class);

    assertThat(tree(svc).get("spec"))
        .isEqualTo(
            Json.tree(
                """
                {"ports":[{"port":80,"protocol":"TCP","targetPort":8080}],"selector":{"app":"api"},
                 "type":"ClusterIP","sessionAffinity":"None","ipFamilies":["IPv4"],
                 "ipFamilyPolicy":"SingleStack","internalTrafficPolicy":"Cluster"}
                """
                    .getBytes()));
    assertThat(Validation.validate(svc, null)).isEmpty();
  }

  @Test
  void servicePortDefaultsProtocolAndTargetPort() {
    Service svc =
        defaulted(
            "{\"spec\":{\"ports\":[{\"name\":\"dns\",\"port\":53},{\"name\":\"h\",\"port\":81,\"targetPort\":\"http\"}]}}",
            Service.class);

    assertThat(svc.spec.ports.get(0).protocol).isEqualTo("TCP");
    assertThat(svc.spec.ports.get(0).targetPort).isEqualTo(IntOrString.of(53));
    assertThat(svc.spec.ports.get(1).targetPort).isEqualTo(IntOrString.of("http"));
  }

  @Test
  void nodePortAndLoadBalancerGetExternalPolicyAndNodePortAllocation() {
    Service np =
        defaulted("{\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}", Service.class);
    Service lb =
        defaulted(
            "{\"spec\":{\"type\":\"LoadBalancer\",\"ports\":[{\"port\":80}]}}", Service.class);

    assertThat(np.spec.externalTrafficPolicy).isEqualTo("Cluster");
    assertThat(np.spec.allocateLoadBalancerNodePorts).isNull();
    assertThat(lb.spec.externalTrafficPolicy).isEqualTo("Cluster");
    assertThat(lb.spec.allocateLoadBalancerNodePorts).isTrue();
  }

  @Test
  void clientIpAffinityGetsThreeHourTimeout() {
    Service svc =
        defaulted(
            "{\"spec\":{\"sessionAffinity\":\"ClientIP\",\"ports\":[{\"port\":80}]}}",
            Service.class);

    assertThat(svc.spec.sessionAffinityConfig.clientIP.timeoutSeconds).isEqualTo(10800);
  }

  @Test
  void externalNameGetsNoIpFamiliesOrPolicies() {
    Service svc =
        defaulted(
            "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\"}}",
            Service.class);

    assertThat(svc.spec.ipFamilies).isNull();
    assertThat(svc.spec.ipFamilyPolicy).isNull();
    assertThat(svc.spec.internalTrafficPolicy).isNull();
    assertThat(svc.spec.sessionAffinity).isEqualTo("None");
  }

  @Test
  void clusterIpAndClusterIpsAreKeptInStep() {
    Service one =
        defaulted("{\"spec\":{\"clusterIP\":\"None\",\"ports\":[{\"port\":80}]}}", Service.class);
    Service other =
        defaulted(
            "{\"spec\":{\"clusterIPs\":[\"10.96.0.7\"],\"ports\":[{\"port\":80}]}}", Service.class);

    assertThat(one.spec.clusterIPs).containsExactly("None");
    assertThat(other.spec.clusterIP).isEqualTo("10.96.0.7");
  }

  @Test
  void serviceUpdateWithoutAllocatedValuesKeepsThem() {
    Service old =
        defaulted(
            "{\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"10.96.0.9\",\"ports\":[{\"name\":\"http\",\"port\":80,\"nodePort\":30080}]}}",
            Service.class);
    Service svc =
        Json.parse(
            "{\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"name\":\"http\",\"port\":8080}]}}",
            Service.class);

    ServiceDefaults.patchAllocatedValues(svc, old);
    Defaults.apply(svc);

    assertThat(svc.spec.clusterIPs).containsExactly("10.96.0.9");
    assertThat(svc.spec.ports.get(0).nodePort).isEqualTo(30080);
  }

  @Test
  void kubectlRunPodGetsPodDefaultsAndValidates() {
    Pod pod = defaulted(RUN, Pod.class);

    assertThat(pod.spec.terminationGracePeriodSeconds).isEqualTo(30L);
    assertThat(pod.spec.schedulerName).isEqualTo("default-scheduler");
    assertThat(pod.spec.enableServiceLinks).isTrue();
    assertThat(pod.spec.securityContext).isEmpty();
    var c = pod.spec.containers.get(0);
    assertThat(c.imagePullPolicy).isEqualTo("Always");
    assertThat(c.terminationMessagePath).isEqualTo("/dev/termination-log");
    assertThat(c.terminationMessagePolicy).isEqualTo("File");
    assertThat(Validation.validate(pod, null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "busybox, Always",
    "busybox:latest, Always",
    "nginx:1.27, IfNotPresent",
    "localhost:5000/app, Always",
    "localhost:5000/app:v1, IfNotPresent",
    "registry.example.com/team/app@sha256:0123abcd, IfNotPresent",
    "app:v2@sha256:0123abcd, IfNotPresent"
  })
  void imagePullPolicyFollowsTheTag(String image, String policy) {
    Pod pod =
        defaulted(
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"" + image + "\"}]}}",
            Pod.class);

    assertThat(pod.spec.containers.get(0).imagePullPolicy).isEqualTo(policy);
  }

  @Test
  void probesAndPortsGetDefaults() {
    Pod pod =
        defaulted(
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x:1\",\"ports\":[{\"containerPort\":80}],"
                + "\"readinessProbe\":{\"httpGet\":{\"port\":80}},\"env\":[{\"name\":\"N\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}}],"
                + "\"resources\":{\"limits\":{\"cpu\":\"1\"}}}],\"volumes\":[{\"name\":\"scratch\"}]}}",
            Pod.class);

    var c = pod.spec.containers.get(0);
    assertThat(c.ports.get(0).protocol).isEqualTo("TCP");
    assertThat(c.readinessProbe.timeoutSeconds).isEqualTo(1);
    assertThat(c.readinessProbe.periodSeconds).isEqualTo(10);
    assertThat(c.readinessProbe.successThreshold).isEqualTo(1);
    assertThat(c.readinessProbe.failureThreshold).isEqualTo(3);
    assertThat(c.readinessProbe.httpGet.path).isEqualTo("/");
    assertThat(c.readinessProbe.httpGet.scheme).isEqualTo("HTTP");
    assertThat(c.env.get(0).valueFrom.fieldRef.apiVersion).isEqualTo("v1");
    assertThat(c.resources.requests).containsEntry("cpu", "1");
    assertThat(pod.spec.volumes.get(0).emptyDir).isNotNull();
  }

  @Test
  void hostNetworkPortsGetTheirHostPort() {
    Pod pod =
        defaulted(
            "{\"spec\":{\"hostNetwork\":true,\"containers\":[{\"name\":\"c\",\"image\":\"x:1\",\"ports\":[{\"containerPort\":8080}]}]}}",
            Pod.class);

    assertThat(pod.spec.containers.get(0).ports.get(0).hostPort).isEqualTo(8080);
  }

  @Test
  void newPodGetsServiceAccountAndNotReadyTolerations() {
    Pod pod = Json.parse(RUN, Pod.class);

    Defaults.applyOnCreate(pod);

    assertThat(pod.spec.serviceAccountName).isEqualTo("default");
    assertThat(pod.spec.tolerations)
        .extracting(t -> t.key, t -> t.effect, t -> t.tolerationSeconds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("node.kubernetes.io/not-ready", "NoExecute", 300L),
            org.assertj.core.groups.Tuple.tuple(
                "node.kubernetes.io/unreachable", "NoExecute", 300L));
  }

  @Test
  void deploymentGetsRolloutDefaultsAndTemplatePodSpecDefaults() {
    Deployment d =
        defaulted(
            "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"a\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"a\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a:1\"}]}}}}",
            Deployment.class);

    assertThat(d.spec.replicas).isEqualTo(1);
    assertThat(d.spec.strategy.type).isEqualTo("RollingUpdate");
    assertThat(d.spec.strategy.rollingUpdate.maxSurge).isEqualTo(IntOrString.of("25%"));
    assertThat(d.spec.strategy.rollingUpdate.maxUnavailable).isEqualTo(IntOrString.of("25%"));
    assertThat(d.spec.revisionHistoryLimit).isEqualTo(10);
    assertThat(d.spec.progressDeadlineSeconds).isEqualTo(600);
    assertThat(d.spec.template.spec.restartPolicy).isEqualTo("Always");
    assertThat(d.spec.template.spec.containers.get(0).imagePullPolicy).isEqualTo("IfNotPresent");
    assertThat(d.spec.template.spec.enableServiceLinks).isNull();
  }

  @Test
  void recreateDeploymentGetsNoRollingUpdate() {
    Deployment d = defaulted("{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}", Deployment.class);

    assertThat(d.spec.strategy.rollingUpdate).isNull();
  }

  @Test
  void replicaSetGetsOneReplica() {
    ReplicaSet rs =
        defaulted(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a\"}]}}}}",
            ReplicaSet.class);

    assertThat(rs.spec.replicas).isEqualTo(1);
    assertThat(rs.spec.template.spec.dnsPolicy).isEqualTo("ClusterFirst");
  }

  @Test
  void namespaceIsActiveAndGetsItsFinalizerOnlyOnCreate() {
    Namespace updated = defaulted("{\"metadata\":{\"name\":\"x\"},\"spec\":{}}", Namespace.class);
    Namespace created = Json.parse("{\"metadata\":{\"name\":\"x\"}}", Namespace.class);
    Defaults.applyOnCreate(created);

    assertThat(updated.status.phase).isEqualTo("Active");
    assertThat(updated.spec.finalizers).isNull();
    assertThat(created.spec.finalizers).containsExactly("kubernetes");
  }

  @Test
  void endpointSlicePortsGetNameAndProtocol() {
    EndpointSlice es =
        defaulted("{\"addressType\":\"IPv4\",\"ports\":[{\"port\":80}]}", EndpointSlice.class);

    assertThat(es.ports.get(0).name).isEmpty();
    assertThat(es.ports.get(0).protocol).isEqualTo("TCP");
  }

  @Test
  void nodeAllocatableDefaultsToCapacity() {
    Node node =
        defaulted("{\"status\":{\"capacity\":{\"cpu\":\"4\",\"pods\":\"110\"}}}", Node.class);

    assertThat(node.status.allocatable).containsEntry("cpu", "4").containsEntry("pods", "110");
  }

  @ParameterizedTest
  @ValueSource(strings = {EXPOSED, RUN})
  void defaultingTwiceChangesNothing(String json) {
    KubeObject obj =
        json.contains("\"Service\"")
            ? Json.parse(json, Service.class)
            : Json.parse(json, Pod.class);
    Defaults.applyOnCreate(obj);
    JsonNode once = tree(obj);

    Defaults.applyOnCreate(obj);
    Defaults.apply(obj);

    assertThat(tree(obj)).isEqualTo(once);
  }

  @Test
  void templatesAreNotTouchedWhenAbsent() {
    Deployment d = defaulted("{\"spec\":{}}", Deployment.class);

    assertThat(d.spec.template).isNull();
    assertThat(List.of(d.spec.replicas)).containsExactly(1);
  }
}

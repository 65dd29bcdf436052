package dev.skiff.server.kubectl;

/** YAML manifests the kubectl tests create. */
final class ConformanceManifests {
  private ConformanceManifests() {}

  static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  static String pod(String name, String labels, String image) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          labels: {%s}
        spec:
          containers:
          - name: main
            image: %s
            ports: [{containerPort: 80, protocol: TCP}]
        """
        .formatted(name, labels, image);
  }

  static String service(String name) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080, protocol: TCP, nodePort: 30080}]
        """
        .formatted(name);
  }

  static String deployment(String name, int replicas, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: main, image: %s}]
        """
        .formatted(name, replicas, name, name, image);
  }

  static String node(String name) {
    return """
        apiVersion: v1
        kind: Node
        metadata:
          name: %s
          labels: {node-role.kubernetes.io/worker: ""}
        status:
          addresses: [{type: InternalIP, address: 127.0.0.9}, {type: Hostname, address: %s}]
          capacity: {cpu: "2", memory: 2Gi, pods: "110"}
          allocatable: {cpu: "2", memory: 2Gi, pods: "110"}
          conditions:
          - {type: Ready, status: "True", reason: KubeletReady, message: ready, lastHeartbeatTime: "2025-01-01T00:00:00Z", lastTransitionTime: "2025-01-01T00:00:00Z"}
          nodeInfo: {kubeletVersion: v1.32.0-skiff, osImage: Skiff, kernelVersion: "6.1", containerRuntimeVersion: process://1, architecture: amd64, operatingSystem: linux, machineID: m, systemUUID: s, bootID: b, kubeProxyVersion: v1.32.0-skiff}
        """
        .formatted(name, name);
  }

  static String podWithoutName() {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          labels: {app: x}
        spec:
          containers: [{name: main, image: busybox}]
        """;
  }
}

package dev.skiff.bench.suite;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * The body of each class of the 30-class suite, the same on every fixture: creates a ConfigMap, a
 * Deployment and a Service with fabric8 in a namespace, reads each back and checks what it wrote.
 */
public final class CrudRoundTrip {
  private CrudRoundTrip() {}

  public static void run(KubernetesClient client, String namespace) {
    Map<String, String> app = Map.of("app", "web");
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("web-config")
            .endMetadata()
            .withData(Map.of("greeting", "hello"))
            .build();
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(1)
            .withNewSelector()
            .withMatchLabels(app)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("skiff/busybox:1")
            .withCommand("sleep", "300")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withSelector(app)
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .build();
    client.configMaps().inNamespace(namespace).resource(cm).create();
    client.apps().deployments().inNamespace(namespace).resource(deployment).create();
    client.services().inNamespace(namespace).resource(service).create();

    check(
        "hello"
            .equals(
                client
                    .configMaps()
                    .inNamespace(namespace)
                    .withName("web-config")
                    .get()
                    .getData()
                    .get("greeting")),
        "the ConfigMap's data");
    Deployment read = client.apps().deployments().inNamespace(namespace).withName("web").get();
    check(read.getSpec().getReplicas() == 1, "the Deployment's replicas");
    check(
        "skiff/busybox:1"
            .equals(read.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()),
        "the Deployment's image");
    Service svc = client.services().inNamespace(namespace).withName("web").get();
    check(svc.getSpec().getPorts().get(0).getPort() == 80, "the Service's port");
    check(
        client
            .configMaps()
            .inNamespace(namespace)
            .withLabel("nothing", "here")
            .list()
            .getItems()
            .isEmpty(),
        "a list by an unused label");
  }

  private static void check(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError("read back wrong: " + what);
    }
  }
}

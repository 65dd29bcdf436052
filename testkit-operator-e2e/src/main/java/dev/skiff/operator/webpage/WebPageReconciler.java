package dev.skiff.operator.webpage;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a WebPage's ConfigMap (the page), Deployment (busybox httpd serving it from a configMap
 * volume) and Service (port 80 to the pods' 8080), all owned by the WebPage, with server-side
 * apply; reports {@code Ready} once the Deployment's replicas are available, and the API server's
 * refusal (a 403 when the operator's ServiceAccount lacks a permission) as {@code Ready=False}.
 */
@ControllerConfiguration(name = "webpage")
public class WebPageReconciler implements Reconciler<WebPage> {
  static final String FIELD_MANAGER = "webpage-operator";
  private static final Logger LOG = LoggerFactory.getLogger(WebPageReconciler.class);

  @Override
  public UpdateControl<WebPage> reconcile(WebPage page, Context<WebPage> context) {
    KubernetesClient client = context.getClient();
    String name = page.getMetadata().getName();
    Map<String, String> labels = Map.of("app.kubernetes.io/name", "webpage", "webpage", name);

    apply(client, page, configMap(page, labels));
    Deployment deployment = apply(client, page, deployment(page, labels));
    apply(client, page, service(page, labels));

    int wanted = page.getSpec().getReplicas();
    Integer available =
        deployment.getStatus() == null ? null : deployment.getStatus().getAvailableReplicas();
    boolean ready = Objects.requireNonNullElse(available, 0) >= wanted;
    WebPageStatus status = new WebPageStatus();
    status.setObservedGeneration(page.getMetadata().getGeneration());
    status.setConfigMap(name);
    status.setDeployment(name);
    status.setService(name);
    status.setConditions(
        List.of(
            condition(
                page,
                ready ? "True" : "False",
                ready ? "Available" : "Progressing",
                ready
                    ? "the page is served by " + wanted + " replica(s)"
                    : "waiting for " + wanted + " available replica(s)")));
    // the Deployment's progress is polled: the operator watches WebPages only
    return ready
        ? UpdateControl.patchStatus(withStatus(page, status))
        : UpdateControl.patchStatus(withStatus(page, status))
            .rescheduleAfter(Duration.ofSeconds(1));
  }

  /** A refusal is the resource's status: Ready=False, the Status reason and message. */
  @Override
  public ErrorStatusUpdateControl<WebPage> updateErrorStatus(
      WebPage page, Context<WebPage> context, Exception e) {
    KubernetesClientException refusal = refusal(e);
    String reason =
        refusal != null && refusal.getStatus() != null && refusal.getStatus().getReason() != null
            ? refusal.getStatus().getReason()
            : "ReconcileError";
    String message =
        refusal != null && refusal.getStatus() != null && refusal.getStatus().getMessage() != null
            ? refusal.getStatus().getMessage()
            : String.valueOf(e.getMessage());
    LOG.warn(
        "WebPage {}/{}: {} {}",
        page.getMetadata().getNamespace(),
        page.getMetadata().getName(),
        reason,
        message);
    WebPageStatus status = new WebPageStatus();
    status.setObservedGeneration(page.getMetadata().getGeneration());
    status.setConditions(List.of(condition(page, "False", reason, message)));
    return ErrorStatusUpdateControl.patchStatus(withStatus(page, status));
  }

  private static KubernetesClientException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k) {
        return k;
      }
    }
    return null;
  }

  private static <T extends HasMetadata> T apply(KubernetesClient client, WebPage owner, T object) {
    object.addOwnerReference(owner);
    return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /** The status patch: a fresh object with the primary's name, so only status is applied. */
  private static WebPage withStatus(WebPage page, WebPageStatus status) {
    WebPage patch = new WebPage();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(page.getMetadata().getName())
            .withNamespace(page.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }

  /** Keeps the transition time while the condition's status stays the same. */
  private static Condition condition(WebPage page, String status, String reason, String message) {
    String since = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (page.getStatus() != null) {
      for (Condition c : page.getStatus().getConditions()) {
        if ("Ready".equals(c.getType()) && status.equals(c.getStatus())) {
          since = c.getLastTransitionTime();
        }
      }
    }
    return new ConditionBuilder()
        .withType("Ready")
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(page.getMetadata().getGeneration())
        .withLastTransitionTime(since)
        .build();
  }

  private static ObjectMeta meta(WebPage page, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(page.getMetadata().getName())
        .withNamespace(page.getMetadata().getNamespace())
        .withLabels(labels)
        .build();
  }

  private static ConfigMap configMap(WebPage page, Map<String, String> labels) {
    return new ConfigMapBuilder()
        .withMetadata(meta(page, labels))
        .addToData("index.html", page.getSpec().getHtml())
        .build();
  }

  private static Deployment deployment(WebPage page, Map<String, String> labels) {
    String name = page.getMetadata().getName();
    return new DeploymentBuilder()
        .withMetadata(meta(page, labels))
        .withNewSpec()
        .withReplicas(page.getSpec().getReplicas())
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        // a changed page restarts the pods (httpd serves the mounted file either way)
        .addToAnnotations(
            "demo.skiff.dev/html-hash", Integer.toHexString(page.getSpec().getHtml().hashCode()))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("httpd")
        .withImage("busybox")
        .withCommand("sh", "-c")
        .withArgs("exec busybox httpd -f -p $(POD_IP):8080 -h /srv/webpage")
        .addNewEnv()
        .withName("POD_IP")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("status.podIP")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewPort()
        .withContainerPort(8080)
        .withName("http")
        .endPort()
        .addNewVolumeMount()
        .withName("page")
        .withMountPath("/srv/webpage")
        .withReadOnly(true)
        .endVolumeMount()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/")
        .withPort(new IntOrString(8080))
        .endHttpGet()
        .withPeriodSeconds(1)
        .endReadinessProbe()
        .endContainer()
        .addNewVolume()
        .withName("page")
        .withNewConfigMap()
        .withName(name)
        .endConfigMap()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Service service(WebPage page, Map<String, String> labels) {
    return new ServiceBuilder()
        .withMetadata(meta(page, labels))
        .withNewSpec()
        .withSelector(labels)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }
}

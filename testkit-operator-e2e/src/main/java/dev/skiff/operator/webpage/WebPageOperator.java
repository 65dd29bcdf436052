package dev.skiff.operator.webpage;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The WebPage operator as a program runs it: registers its CustomResourceDefinition (server-side
 * apply, then waits until it is {@code Established}), then starts java-operator-sdk with {@link
 * WebPageReconciler} watching one namespace.
 */
public final class WebPageOperator implements AutoCloseable {
  public static final String CRD = "webpages.demo.skiff.dev";
  private final Operator operator;

  private WebPageOperator(Operator operator) {
    this.operator = operator;
  }

  /** Registers the CRD and starts reconciling WebPages in {@code namespace} with {@code client}. */
  public static WebPageOperator start(KubernetesClient client, String namespace) {
    registerCrd(client, Duration.ofSeconds(30));
    Operator operator =
        new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.register(new WebPageReconciler(), c -> c.settingNamespace(namespace));
    operator.start();
    return new WebPageOperator(operator);
  }

  /** Applies the operator's CRD and waits until the API server serves it. */
  public static CustomResourceDefinition registerCrd(KubernetesClient client, Duration timeout) {
    CustomResourceDefinition crd;
    try (InputStream in = WebPageOperator.class.getResourceAsStream("/webpage-crd.yaml")) {
      crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    client
        .resource(crd)
        .fieldManager(WebPageReconciler.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    return client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(CRD)
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            k -> "Established".equals(k.getType()) && "True".equals(k.getStatus())),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    operator.stop();
  }
}

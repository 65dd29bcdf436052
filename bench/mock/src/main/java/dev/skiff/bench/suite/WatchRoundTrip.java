package dev.skiff.bench.suite;

import dev.skiff.operator.webpage.WebPage;
import dev.skiff.operator.webpage.WebPageOperator;
import dev.skiff.operator.webpage.WebPageSpec;
import dev.skiff.operator.webpage.WebPageStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An operator test's moves, the same on every fixture, with fabric8 (the client java-operator-sdk
 * uses): register the WebPage CRD, watch WebPages, then create one, write its status (as an
 * operator's reconcile does) and delete it, each time until the watch delivers the event.
 */
public final class WatchRoundTrip {
  private static final long EVENT_TIMEOUT_MS = 30_000;

  private WatchRoundTrip() {}

  /** Milliseconds from each step's request to its watch event. */
  public record Times(long crd, long added, long statusModified, long deleted) {
    public long total() {
      return crd + added + statusModified + deleted;
    }
  }

  /**
   * @param established whether to wait for the CRD's {@code Established} condition (a real API
   *     server sets it; the mock server sets no status, so a test on it cannot wait for it)
   */
  public static Times run(KubernetesClient client, String namespace, boolean established)
      throws InterruptedException {
    long t0 = System.nanoTime();
    if (established) {
      WebPageOperator.registerCrd(client, Duration.ofSeconds(30));
    } else {
      try (InputStream in = WebPageOperator.class.getResourceAsStream("/webpage-crd.yaml")) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    long crd = ms(t0);

    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (Watch watch =
        client
            .resources(WebPage.class)
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, WebPage page) {
                    boolean hasStatus =
                        page.getStatus() != null && page.getStatus().getConfigMap() != null;
                    events.add(action + (hasStatus ? "+status" : ""));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      WebPage page = new WebPage();
      page.getMetadata().setName("hello");
      page.getMetadata().setNamespace(namespace);
      WebPageSpec spec = new WebPageSpec();
      spec.setHtml("<h1>hello</h1>");
      page.setSpec(spec);

      long t1 = System.nanoTime();
      WebPage created = client.resource(page).create();
      await(events, "ADDED");
      long added = ms(t1);

      long t2 = System.nanoTime();
      WebPageStatus status = new WebPageStatus();
      status.setConfigMap("hello");
      created.setStatus(status);
      client.resource(created).updateStatus();
      await(events, "MODIFIED+status");
      long modified = ms(t2);

      long t3 = System.nanoTime();
      client.resource(created).delete();
      await(events, "DELETED");
      return new Times(crd, added, modified, ms(t3));
    }
  }

  private static void await(BlockingQueue<String> events, String expected)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
    while (true) {
      String event = events.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new AssertionError("no " + expected + " event within " + EVENT_TIMEOUT_MS + " ms");
      }
      if (event.startsWith(expected)) {
        return;
      }
    }
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}

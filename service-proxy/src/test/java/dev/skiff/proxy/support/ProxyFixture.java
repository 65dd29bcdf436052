package dev.skiff.proxy.support;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.DataPlaneEvents;
import dev.skiff.proxy.dataplane.SyncResult;
import dev.skiff.proxy.dataplane.UserspaceDataPlane;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A Vertx with native transport plus the data planes and backends a test starts; close it. */
public final class ProxyFixture implements AutoCloseable {
  public final Vertx vertx =
      Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(2));
  public final ProxyMetrics metrics = new ProxyMetrics();
  private final List<UserspaceDataPlane> planes = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  public UserspaceDataPlane plane(ProxyOptions options) {
    return plane(options, n -> true);
  }

  public UserspaceDataPlane plane(ProxyOptions options, Predicate<NodeInfo> health) {
    UserspaceDataPlane plane =
        new UserspaceDataPlane(vertx, options, metrics, DataPlaneEvents.NONE, health);
    planes.add(plane);
    return plane;
  }

  public static SyncResult sync(UserspaceDataPlane plane, Snapshot snapshot) throws Exception {
    return plane.sync(snapshot).await(10, TimeUnit.SECONDS);
  }

  public TestBackend backend(String name, String ip, int port) {
    return closeLater(TestBackend.start(vertx, name, ip, port));
  }

  public <T extends AutoCloseable> T closeLater(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  @Override
  public void close() throws Exception {
    for (UserspaceDataPlane p : planes) {
      p.close().await(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable c : closeables) {
      c.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}

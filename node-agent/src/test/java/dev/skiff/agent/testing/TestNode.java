package dev.skiff.agent.testing;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.NodeAgentVerticle;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;

/** A node agent in this JVM (its own Vert.x, native transport for Docker), stopped by close(). */
public final class TestNode implements AutoCloseable {
  private final Vertx vertx;
  private final NodeAgentVerticle agent;
  private final NodeAgentOptions options;
  private String deployment;

  private TestNode(NodeAgentOptions options) {
    this.options = options;
    this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    this.agent = new NodeAgentVerticle(options);
  }

  /**
   * Options for node {@code index} against {@code api}: any free port, state under {@code dir},
   * short crash back-off (200 ms doubling to 2 s) and quick resyncs, so tests run in seconds.
   */
  public static NodeAgentOptions options(TestApiServer api, int index, Path dir) {
    return NodeAgentOptions.defaults(index, api.url())
        .withToken(api.token())
        .withPort(0)
        .withDataDir(dir.resolve("node-" + index))
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .withPodResync(Duration.ofSeconds(2));
  }

  public static TestNode start(NodeAgentOptions options) {
    TestNode node = new TestNode(options);
    node.deployment = Await.result(node.vertx.deployVerticle(node.agent));
    return node;
  }

  public NodeAgentOptions options() {
    return options;
  }

  public String name() {
    return options.name();
  }

  public NodeAgentVerticle agent() {
    return agent;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Stops the agent the way a shutdown does (NotReady, runtime closed), keeps Vert.x. */
  public void stopAgent() {
    if (deployment != null) {
      Await.result(vertx.undeploy(deployment));
      deployment = null;
    }
  }

  @Override
  public void close() {
    stopAgent();
    Await.result(vertx.close());
  }
}

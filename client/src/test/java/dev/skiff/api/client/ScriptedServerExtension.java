package dev.skiff.api.client;

import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x per test class; per test a fresh {@link ScriptedApiServer} and a {@link KubeClient}
 * pointed at it, closed after the test even when it fails. Register as a static field:
 *
 * <pre>
 * {@code @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();}
 * </pre>
 */
public final class ScriptedServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String token;
  private Vertx vertx;
  private ScriptedApiServer server;
  private KubeClient client;

  public ScriptedServerExtension() {
    this(null);
  }

  /** The client sends {@code token} as its bearer token. */
  public ScriptedServerExtension(String token) {
    this.token = token;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    vertx = Vertx.vertx();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server = ScriptedApiServer.start(vertx);
    client = new KubeClient(vertx, server.url(), token);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      Await.result(client.close());
    } finally {
      server.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Await.result(vertx.close());
  }

  public Vertx vertx() {
    return vertx;
  }

  public ScriptedApiServer server() {
    return server;
  }

  public KubeClient client() {
    return client;
  }
}

package dev.skiff.agent.testing;

import dev.skiff.agent.FileTrees;
import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.server.testing.TestApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real api-server and one node agent shared by the tests of a class: register it as a static
 * {@code @RegisterExtension} field; it starts before the class's tests and stops after them, even
 * when they fail.
 */
public final class AgentFixture implements BeforeAllCallback, AfterAllCallback {
  private final int index;
  private final UnaryOperator<NodeAgentOptions> adjust;
  private Path dir;
  private TestApiServer api;
  private TestNode node;
  private PodChecks pods;

  public AgentFixture(int index) {
    this(index, UnaryOperator.identity());
  }

  public AgentFixture(int index, UnaryOperator<NodeAgentOptions> adjust) {
    this.index = index;
    this.adjust = adjust;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("skiff-agent-test");
    api = TestApiServer.start();
    node = TestNode.start(adjust.apply(TestNode.options(api, index, dir)));
    pods = new PodChecks(api);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (api != null) {
        api.close();
      }
      if (dir != null) {
        FileTrees.delete(dir);
      }
    }
  }

  public TestApiServer api() {
    return api;
  }

  public TestNode node() {
    return node;
  }

  public PodChecks pods() {
    return pods;
  }
}

package dev.skiff.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.cli.resource.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SkiffTest}: one {@link SkiffCluster} per test class, kept in
 * the class's extension store (which closes it after the class), with the class's manifests applied
 * before its first test; {@link SkiffCluster} and {@link TestNamespace} parameters (a namespace per
 * test method, in the method's store, which deletes it after the method). A shared class ({@link
 * SkiffTest#shared()}) takes the run's cluster for its node count from the root store (closed when
 * the run ends) and a {@link SharedClassScope} in its class store, which deletes after the class
 * the namespaces created while it ran.
 */
public final class SkiffExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SkiffExtension.class);
  private static final Duration ESTABLISHED = Duration.ofSeconds(60);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SkiffCluster.class || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SkiffCluster cluster = cluster(context);
    if (parameter.getParameter().getType() == SkiffCluster.class) {
      return cluster;
    }
    String prefix = context.getTestMethod().map(m -> m.getName()).orElse("test");
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestNamespace.class,
            k -> new TestNamespace(cluster, cluster.createNamespace(prefix)),
            TestNamespace.class);
  }

  /** The system property that makes every {@link SkiffTest} class use the shared cluster. */
  public static final String SHARED_PROPERTY = "skiff.testkit.shared";

  private static SkiffCluster cluster(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    SkiffTest settings = AnnotationSupport.findAnnotation(testClass, SkiffTest.class).orElse(null);
    int nodes = settings == null ? 1 : settings.nodes();
    String[] manifests = settings == null ? new String[0] : settings.manifests();
    if ((settings != null && settings.shared()) || Boolean.getBoolean(SHARED_PROPERTY)) {
      return classContext
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              SharedClassScope.class,
              k -> SharedClassScope.enter(sharedCluster(context, nodes), testClass, manifests),
              SharedClassScope.class)
          .cluster();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SkiffCluster.class,
            k -> {
              SkiffCluster cluster = SkiffCluster.start(nodes);
              try {
                install(cluster, testClass, manifests);
              } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
              }
              return cluster;
            },
            SkiffCluster.class);
  }

  /** The run's shared cluster of {@code nodes} nodes, started on first use. */
  private static SkiffCluster sharedCluster(ExtensionContext context, int nodes) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "shared-cluster-" + nodes, k -> SkiffCluster.start(nodes), SkiffCluster.class);
  }

  /** Applies each manifest; waits for the CustomResourceDefinitions among them to be served. */
  static void install(SkiffCluster cluster, Class<?> testClass, String[] manifests) {
    for (String location : manifests) {
      String text = read(testClass, location);
      cluster.apply(text);
      for (Manifests.Manifest m : Manifests.parse(text, location)) {
        ObjectNode object = m.object();
        if ("CustomResourceDefinition".equals(object.path("kind").asText())) {
          cluster.awaitCondition(
              object.path("apiVersion").asText(),
              "CustomResourceDefinition",
              null,
              object.path("metadata").path("name").asText(),
              "Established",
              ESTABLISHED);
        }
      }
    }
  }

  private static String read(Class<?> testClass, String location) {
    try {
      if (location.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length());
        String absolute = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = testClass.getResourceAsStream(absolute)) {
          if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + resource);
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifest " + location, e);
    }
  }
}

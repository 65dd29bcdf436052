package dev.skiff.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SkiffTest}: one {@link SkiffCluster} per test class, kept in
 * the class's extension store (which closes it after the class) and injected into parameters.
 */
public final class SkiffExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SkiffExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SkiffCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  private static SkiffCluster cluster(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    int nodes =
        AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), SkiffTest.class)
            .map(SkiffTest::nodes)
            .orElse(1);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SkiffCluster.class, k -> SkiffCluster.start(nodes), SkiffCluster.class);
  }
}

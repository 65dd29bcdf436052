package dev.skiff.bench.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes with the JUnit Platform launcher in this JVM, as a build's test run does, and
 * times the whole run, each class (its fixture included) and each test method.
 */
public final class SuiteRunner {
  private SuiteRunner() {}

  /**
   * @param wallMillis the whole run, from the launcher's start to its end (shared fixtures closed)
   * @param classMillis each class, from its start to its end (before-all to after-all)
   * @param testMillis each test method
   */
  public record Result(
      long wallMillis, List<Long> classMillis, List<Long> testMillis, List<String> failures) {

    /** One line: the run, the median class, the median fixture cost of a class. */
    public String summary(String label) {
      return String.format(
          "%s: %d classes in %d ms; per class median %d ms (its test %d ms, fixture %d ms),"
              + " max %d ms; failures %d",
          label,
          classMillis.size(),
          wallMillis,
          median(classMillis),
          median(testMillis),
          median(difference(classMillis, testMillis)),
          classMillis.stream().mapToLong(Long::longValue).max().orElse(0),
          failures.size());
    }
  }

  /** The concrete subclasses of {@code base} declared in {@code suite}, by name. */
  public static List<Class<?>> classesOf(Class<?> suite, Class<?> base) {
    return java.util.Arrays.stream(suite.getDeclaredClasses())
        .filter(c -> c != base && base.isAssignableFrom(c))
        .sorted(java.util.Comparator.comparing(Class::getName))
        .<Class<?>>map(c -> c)
        .toList();
  }

  public static Result run(List<Class<?>> classes) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    classes.forEach(c -> request.selectors(selectClass(c)));
    LauncherDiscoveryRequest discovery = request.build();
    Map<String, Long> started = new ConcurrentHashMap<>();
    List<Long> classMillis = new ArrayList<>();
    List<Long> testMillis = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
          }

          @Override
          public synchronized void executionFinished(
              TestIdentifier id, TestExecutionResult result) {
            long millis = (System.nanoTime() - started.get(id.getUniqueId())) / 1_000_000;
            var source = id.getSource().orElse(null);
            if (source instanceof ClassSource) {
              classMillis.add(millis);
            } else if (source instanceof MethodSource) {
              testMillis.add(millis);
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failures.add(
                  id.getDisplayName()
                      + ": "
                      + result.getThrowable().map(Throwable::toString).orElse("?"));
            }
          }
        };
    long t0 = System.nanoTime();
    LauncherFactory.create().execute(discovery, listener);
    long wall = (System.nanoTime() - t0) / 1_000_000;
    return new Result(wall, classMillis, testMillis, failures);
  }

  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static List<Long> difference(List<Long> classes, List<Long> tests) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < Math.min(classes.size(), tests.size()); i++) {
      out.add(classes.get(i) - tests.get(i));
    }
    return out;
  }
}

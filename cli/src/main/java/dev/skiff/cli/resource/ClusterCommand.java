package dev.skiff.cli.resource;

import dev.skiff.api.status.StatusException;
import dev.skiff.cli.output.Colors;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that talk to a cluster. Exit codes scripts can trust: 0 done, 1 the cluster
 * or the operation failed (a Status error prints as kubectl prints it), 2 bad usage.
 */
public abstract class ClusterCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  /** Where the cluster is. */
  protected abstract ConnectionOptions connection();

  /** Checks arguments before connecting; throw {@link CliException#usage} on bad ones. */
  protected void validate() {}

  /** Does the work; returns the exit code. */
  protected abstract int run(Session session) throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      validate();
      try (Session session = Session.open(connection())) {
        return run(session);
      }
    } catch (StatusException e) {
      err().print(ErrorText.of(e));
      return CliException.FAILED;
    } catch (CliException e) {
      err().println(e.getMessage());
      if (e.exitCode() == CliException.USAGE) {
        err().println("See '" + spec.qualifiedName() + " --help' for usage.");
      }
      return e.exitCode();
    } catch (RuntimeException e) {
      err().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return CliException.FAILED;
    } finally {
      out().flush();
      err().flush();
    }
  }

  /** kubectl's line when a listing found nothing: in {@code namespace}, or anywhere when null. */
  protected void noResourcesFound(String namespace) {
    err()
        .println(
            namespace == null
                ? "No resources found"
                : "No resources found in " + namespace + " namespace.");
  }

  /** Prints {@code errors} after the output, as kubectl does; returns the exit code they make. */
  protected int reportErrors(List<StatusException> errors) {
    out().flush();
    errors.forEach(e -> err().print(ErrorText.of(e)));
    return errors.isEmpty() ? 0 : CliException.FAILED;
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected Colors colors() {
    return Colors.detect();
  }
}

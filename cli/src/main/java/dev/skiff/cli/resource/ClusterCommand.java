package dev.skiff.cli.resource;

import dev.skiff.api.status.StatusException;
import dev.skiff.cli.output.Colors;
import java.io.PrintWriter;
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

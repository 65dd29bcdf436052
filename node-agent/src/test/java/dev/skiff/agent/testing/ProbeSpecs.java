package dev.skiff.agent.testing;

import dev.skiff.api.model.core.ExecAction;
import dev.skiff.api.model.core.HTTPGetAction;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.core.TCPSocketAction;
import dev.skiff.api.model.meta.IntOrString;
import java.util.List;

/** Probe specs for tests: one-second periods. */
public final class ProbeSpecs {
  private ProbeSpecs() {}

  public static Probe http(String path, IntOrString port) {
    Probe p = fast();
    p.httpGet = new HTTPGetAction();
    p.httpGet.path = path;
    p.httpGet.port = port;
    return p;
  }

  public static Probe tcp(int port) {
    Probe p = fast();
    p.tcpSocket = new TCPSocketAction();
    p.tcpSocket.port = IntOrString.of(port);
    return p;
  }

  public static Probe exec(String... command) {
    Probe p = fast();
    p.exec = new ExecAction();
    p.exec.command = List.of(command);
    return p;
  }

  private static Probe fast() {
    Probe p = new Probe();
    p.periodSeconds = 1;
    p.timeoutSeconds = 1;
    p.failureThreshold = 1;
    return p;
  }
}

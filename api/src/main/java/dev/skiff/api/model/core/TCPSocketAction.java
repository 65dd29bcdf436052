package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.IntOrString;

/** v1 TCPSocketAction. */
public class TCPSocketAction extends Extensible {
  public IntOrString port;
  public String host;
}

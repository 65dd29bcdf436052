package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.IntOrString;
import java.util.List;

/** v1 HTTPGetAction. */
public class HTTPGetAction extends Extensible {
  public String path;
  public IntOrString port;
  public String host;
  public String scheme;
  public List<HTTPHeader> httpHeaders;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 HostAlias: an /etc/hosts entry. */
public class HostAlias extends Extensible {
  public String ip;
  public List<String> hostnames;
}

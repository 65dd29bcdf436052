package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 PodDNSConfig. */
public class PodDNSConfig extends Extensible {
  public List<String> nameservers;
  public List<String> searches;
  public List<PodDNSConfigOption> options;
}

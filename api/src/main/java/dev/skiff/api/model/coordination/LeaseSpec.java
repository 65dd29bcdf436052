package dev.skiff.api.model.coordination;

import dev.skiff.api.model.meta.Extensible;

/**
 * coordination/v1 LeaseSpec. Times are RFC 3339 with microseconds ("2006-01-02T15:04:05.000000Z").
 */
public class LeaseSpec extends Extensible {
  public String holderIdentity;
  public Integer leaseDurationSeconds;
  public String acquireTime;
  public String renewTime;
  public Integer leaseTransitions;
  public String strategy;
  public String preferredHolder;
}

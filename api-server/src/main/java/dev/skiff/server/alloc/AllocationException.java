package dev.skiff.server.alloc;

/**
 * Why a value could not be allocated, with Kubernetes' messages (ipallocator and portallocator
 * errors). {@link ServiceAllocation} turns it into the API error.
 */
public final class AllocationException extends RuntimeException {
  /** The three failures of Kubernetes' allocators. */
  public enum Kind {
    NOT_IN_RANGE,
    ALLOCATED,
    FULL
  }

  private final Kind kind;

  private AllocationException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static AllocationException notInRange(boolean ip, String value, AddressSpace space) {
    return new AllocationException(
        Kind.NOT_IN_RANGE,
        ip
            ? "the provided IP ("
                + value
                + ") is not in the valid range. The range of valid IPs is "
                + space.describe()
            : "provided port is not in the valid range. The range of valid ports is "
                + space.describe());
  }

  static AllocationException allocated(boolean ip) {
    return new AllocationException(
        Kind.ALLOCATED,
        ip ? "provided IP is already allocated" : "provided port is already allocated");
  }

  static AllocationException full() {
    return new AllocationException(Kind.FULL, "range is full");
  }
}

package dev.skiff.dns.zone;

/** How pod records {@code a-b-c-d.<ns>.pod.<zone>} are answered (as CoreDNS's "pods" option). */
public enum PodMode {
  /** No pod records. */
  DISABLED,
  /** Any well-formed address is answered, as the specification requires (the default). */
  INSECURE,
  /** Only addresses of known pods in that namespace are answered. */
  VERIFIED
}

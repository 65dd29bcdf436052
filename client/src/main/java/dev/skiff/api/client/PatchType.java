package dev.skiff.api.client;

/** The four patch flavours of the Kubernetes API, each selected by its Content-Type. */
public enum PatchType {
  /** RFC 7386: objects merge recursively, null deletes, lists are replaced whole. */
  MERGE("application/merge-patch+json"),
  /** RFC 6902: a JSON array of operations. */
  JSON("application/json-patch+json"),
  /** Like MERGE, but keyed lists (containers by name, ports by port, ...) merge element-wise. */
  STRATEGIC("application/strategic-merge-patch+json"),
  /** Server-side apply: create or merge; needs a field manager (see {@link PatchOptions}). */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}

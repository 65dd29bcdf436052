package dev.skiff.api.client;

/**
 * Query parameters of a patch (and of create/update where the server accepts them).
 *
 * @param fieldManager who owns the written fields; required by the server for {@link
 *     PatchType#APPLY}
 * @param force server-side apply: take ownership of conflicting fields
 * @param dryRun validate and answer, but do not persist ({@code dryRun=All})
 */
public record PatchOptions(String fieldManager, Boolean force, boolean dryRun) {
  private static final PatchOptions NONE = new PatchOptions(null, null, false);

  public static PatchOptions none() {
    return NONE;
  }

  public static PatchOptions fieldManager(String manager) {
    return new PatchOptions(manager, null, false);
  }

  /** Server-side apply as {@code manager}, optionally forcing conflicts. */
  public static PatchOptions apply(String manager, boolean force) {
    return new PatchOptions(manager, force, false);
  }

  public PatchOptions withDryRun(boolean dry) {
    return new PatchOptions(fieldManager, force, dry);
  }
}

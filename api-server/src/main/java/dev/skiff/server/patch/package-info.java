/**
 * PATCH bodies applied to Jackson trees: pure functions, no I/O.
 *
 * <p>Callers use {@link
 * dev.skiff.server.patch.Patches#apply(com.fasterxml.jackson.databind.node.ObjectNode, byte[],
 * String, dev.skiff.api.resource.ResourceType)}, which selects by Content-Type among {@link
 * dev.skiff.server.patch.MergePatch} (RFC 7386), {@link dev.skiff.server.patch.JsonPatch} (RFC
 * 6902), {@link dev.skiff.server.patch.StrategicMergePatch} (Kubernetes strategic merge, list keys
 * from {@link dev.skiff.server.patch.MergeKeys}) and {@link dev.skiff.server.patch.ApplyPatch}
 * (minimal server-side apply), and {@link
 * dev.skiff.server.patch.Patches#resourceVersionPrecondition(byte[], String)} for the 409 check.
 * Every failure is a {@link dev.skiff.api.status.StatusException}.
 */
package dev.skiff.server.patch;

package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.crd.CustomAdmission;
import dev.skiff.server.crd.CustomKinds;
import dev.skiff.server.crd.CustomPatches;
import dev.skiff.server.crd.CustomVersions;
import dev.skiff.server.patch.ApplyPatch;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.Store;
import dev.skiff.server.store.StoreKey;
import dev.skiff.server.store.UpdateFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The API semantics on top of the {@link Store}: what create, update, patch and delete mean for a
 * Kubernetes object, independent of HTTP. Every method returns a future on the caller's context;
 * failures are StatusExceptions. Dry runs compute the same result and persist nothing.
 */
public final class ObjectRegistry {
  private final Vertx vertx;
  private final Store store;
  private final CreatePolicy createPolicy;
  private final UpdatePolicy updatePolicy;
  private final Patcher patcher;
  private final Deleter deleter;
  private final NamespaceLifecycle namespaces;
  private final Admission admission;
  private final CustomKinds kinds = new CustomKinds();

  public ObjectRegistry(
      Vertx vertx,
      Store store,
      Clock clock,
      Admission admission,
      Patcher patcher,
      DeletionHook hook) {
    this.vertx = vertx;
    this.store = store;
    Admission all = new CustomAdmission(kinds, clock, admission);
    this.createPolicy = new CreatePolicy(clock, all);
    this.admission = all;
    this.updatePolicy = new UpdatePolicy(all);
    this.patcher = CustomPatches.refusingStrategic(patcher);
    this.namespaces = new NamespaceLifecycle(this, clock);
    this.deleter = new Deleter(this, clock, hook, namespaces);
  }

  public Store store() {
    return store;
  }

  public NamespaceLifecycle namespaces() {
    return namespaces;
  }

  /** The kinds this replica's CustomResourceDefinitions define. */
  public CustomKinds kinds() {
    return kinds;
  }

  public static StoreKey key(ResourceType type, String namespace, String name) {
    return new StoreKey(type.qualifiedName(), type.namespaced() ? namespace : "", name);
  }

  public Future<ObjectNode> get(ResourceType type, String namespace, String name) {
    return store
        .get(key(type, namespace, name))
        .map(object -> CustomVersions.as(type, object))
        .recover(e -> KeyErrors.reword(e, type, name));
  }

  /** A snapshot of one namespace, or of all (namespace null, and always for cluster kinds). */
  public Future<ListResult> list(ResourceType type, String namespace) {
    return store.list(type.qualifiedName(), type.namespaced() ? namespace : null);
  }

  /** As {@link #list}, as the objects were at {@code resourceVersion} ({@link Store#listAt}). */
  public Future<ListResult> listAt(ResourceType type, String namespace, long resourceVersion) {
    return store.listAt(
        type.qualifiedName(), type.namespaced() ? namespace : null, resourceVersion);
  }

  public Future<ObjectNode> create(
      ResourceType type, String namespace, ObjectNode body, boolean dryRun) {
    return create(type, namespace, body, dryRun, FieldValidation.IGNORE);
  }

  /** A client's create: its undeclared fields are warned about or refused by {@code fields}. */
  public Future<ObjectNode> create(
      ResourceType type,
      String namespace,
      ObjectNode body,
      boolean dryRun,
      FieldValidation fields) {
    // Admission (decode, defaults, validation, encode) is the bulk of a create's CPU; on a
    // worker it runs in parallel instead of queueing every create of this replica behind one
    // event loop, and it may block (Service allocation claims are Hazelcast calls).
    return vertx
        .<ObjectNode>executeBlocking(
            () -> {
              fields.check(type, body, null);
              return createPolicy.prepare(type, namespace, body);
            },
            false)
        .compose(object -> createPrepared(type, namespace, object, dryRun));
  }

  private Future<ObjectNode> createPrepared(
      ResourceType type, String namespace, ObjectNode object, boolean dryRun) {
    String name = Metadata.name(object);
    StoreKey key = key(type, namespace, name);
    Future<Void> namespaceReady =
        type.namespaced()
            ? namespaces.requireActive(namespace, type, name)
            : Future.succeededFuture();
    if (type == Resources.PODS) {
      namespaceReady =
          namespaceReady.compose(
              v ->
                  admission.checksServiceAccounts()
                      ? ServiceAccountAdmission.require(vertx, this, namespace, object)
                      : ServiceAccountAdmission.pullSecrets(this, namespace, object));
    }
    return namespaceReady
        .compose(
            v ->
                (dryRun ? absent(key, object) : store.create(key, object))
                    .recover(e -> KeyErrors.reword(e, type, name)))
        .onSuccess(written -> observe(type, written, dryRun));
  }

  /**
   * PUT: replaces the object (or only its status); its undeclared fields are warned about or
   * refused by {@code fields}.
   */
  public Future<ObjectNode> replace(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode body,
      Subresource sub,
      boolean dryRun,
      FieldValidation fields) {
    return update(
        type,
        key(type, namespace, name),
        current -> {
          fields.check(type, body, current);
          return updatePolicy.next(type, current, body.deepCopy(), sub);
        },
        dryRun);
  }

  /**
   * PATCH with any of the four patch types. An apply patch creates the object when it is absent
   * ({@link Written#created()} true). The undeclared fields of the patched object are warned about
   * or refused by {@code fields}.
   */
  public Future<Written> patch(
      ResourceType type,
      String namespace,
      String name,
      byte[] body,
      String contentType,
      Subresource sub,
      boolean dryRun,
      FieldValidation fields) {
    UpdateFunction function =
        current -> {
          ObjectNode patched = patcher.apply(current.deepCopy(), body, contentType, type);
          fields.check(type, patched, current);
          try {
            return updatePolicy.next(type, current, patched, sub);
          } catch (DecodeErrors.Undecodable e) {
            throw e.patchResult(patched);
          }
        };
    Future<Written> patched =
        update(type, key(type, namespace, name), function, dryRun)
            .map(object -> new Written(object, false));
    if (!PatchType.APPLY.contentType().equals(contentType) || sub != Subresource.MAIN) {
      return patched;
    }
    return patched.recover(
        e -> {
          if (!Errors.isNotFound(e)) {
            return Future.failedFuture(e);
          }
          ObjectNode object = ApplyPatch.parse(body);
          TypeCheck.name(name, Metadata.of(object));
          return create(type, namespace, object, dryRun, fields).map(o -> new Written(o, true));
        });
  }

  /** Reads, transforms and writes one object; finishes a deletion its last finalizer released. */
  public Future<ObjectNode> update(
      ResourceType type, StoreKey key, UpdateFunction update, boolean dryRun) {
    UpdateFunction function = CustomVersions.converting(type, update);
    Future<ObjectNode> result =
        dryRun
            ? store.get(key).map(current -> function.apply(current))
            : store.update(key, function).compose(object -> deleteIfReleased(type, key, object));
    return result
        .recover(e -> KeyErrors.reword(e, type, key.name()))
        .onSuccess(written -> observe(type, written, dryRun));
  }

  /** A CustomResourceDefinition this replica wrote is served at once, before its watch event. */
  private void observe(ResourceType type, ObjectNode written, boolean dryRun) {
    if (type == Resources.CUSTOMRESOURCEDEFINITIONS && !dryRun && !Metadata.isDeleting(written)) {
      kinds.apply(written);
    }
  }

  public Future<ObjectNode> delete(
      ResourceType type, String namespace, String name, DeleteRequest options) {
    return deleter
        .delete(type, key(type, namespace, name), options)
        .recover(e -> KeyErrors.reword(e, type, name));
  }

  private Future<ObjectNode> deleteIfReleased(ResourceType type, StoreKey key, ObjectNode object) {
    if (!Deleter.isReleased(type, object)) {
      return Future.succeededFuture(object);
    }
    return store
        .delete(key, Deleter::requireReleased)
        .recover(
            e -> Errors.isNotFound(e) ? Future.succeededFuture(object) : Future.failedFuture(e));
  }

  private Future<ObjectNode> absent(StoreKey key, ObjectNode object) {
    return store
        .get(key)
        .transform(
            ar -> {
              if (ar.succeeded()) {
                return Future.failedFuture(
                    StatusException.alreadyExists("", key.resource(), key.name()));
              }
              return Errors.isNotFound(ar.cause())
                  ? Future.succeededFuture(object)
                  : Future.failedFuture(ar.cause());
            });
  }
}

package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.ObjectRegistry;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.StoredObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The read options of a list ({@code resourceVersion}, {@code resourceVersionMatch}, {@code limit},
 * {@code continue}), checked as kube-apiserver checks them, and the page they select: the snapshot
 * to read, the items after the continue token's key in key order, at most {@code limit} of them,
 * and the token for the rest.
 */
final class ListOptions {
  static final String EXACT = "Exact";
  static final String NOT_OLDER_THAN = "NotOlderThan";

  /** kube-apiserver's text for a continue token whose snapshot is gone (etcd3 store). */
  static final String INCONSISTENT_CONTINUE =
      "The provided continue parameter is too old to display a consistent list result. You can"
          + " start a new list without the continue parameter, or use the continue token in this"
          + " response to retrieve the remainder of the results. Continuing with the provided"
          + " token results in an inconsistent list - objects that were created, modified, or"
          + " deleted between the time the first chunk was returned and now may show up in the"
          + " list.";

  private final String resourceVersion;
  private final long version;
  private final String match;
  private final long limit;
  private final ContinueToken from;

  /** One page: its items, the token for the next (null on the last page), what remains. */
  record Page(ListResult result, String continueToken, Long remainingItemCount) {}

  private ListOptions(QueryParams query) {
    resourceVersion = query.getOr("resourceVersion", "");
    match = query.getOr("resourceVersionMatch", "");
    String token = query.getOr("continue", "");
    validate(token);
    version = query.resourceVersion();
    Long n = query.number("limit");
    limit = n == null || n < 0 ? 0 : n;
    from = token.isEmpty() ? null : ContinueToken.decode(token);
    if (from != null && !resourceVersion.isEmpty() && !resourceVersion.equals("0")) {
      throw StatusException.badRequest(
          "specifying resource version is not allowed when using continue");
    }
  }

  static ListOptions of(QueryParams query) {
    return new ListOptions(query);
  }

  /** apimachinery's ValidateListOptions: 422 Invalid on kind ListOptions.meta.k8s.io. */
  private void validate(String token) {
    if (match.isEmpty()) {
      return;
    }
    List<StatusCause> causes = new ArrayList<>();
    if (resourceVersion.isEmpty()) {
      causes.add(forbidden("resourceVersionMatch is forbidden unless resourceVersion is provided"));
    }
    if (!token.isEmpty()) {
      causes.add(forbidden("resourceVersionMatch is forbidden when continue is provided"));
    }
    if (!match.equals(EXACT) && !match.equals(NOT_OLDER_THAN)) {
      causes.add(
          new StatusCause(
              Reason.FIELD_VALUE_NOT_SUPPORTED,
              "Unsupported value: \""
                  + match
                  + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"",
              "resourceVersionMatch"));
    }
    if (match.equals(EXACT) && resourceVersion.equals("0")) {
      causes.add(
          forbidden("resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
    }
    if (!causes.isEmpty()) {
      throw StatusException.invalid("meta.k8s.io", "ListOptions", "ListOptions", "", causes);
    }
  }

  private static StatusCause forbidden(String detail) {
    return new StatusCause(
        Reason.FIELD_VALUE_FORBIDDEN, "Forbidden: " + detail, "resourceVersionMatch");
  }

  /** The snapshot these options read: at the token's or exact version, or at least at theirs. */
  Future<ListResult> snapshot(ObjectRegistry registry, ResourceType type, String namespace) {
    if (from != null) {
      if (from.resourceVersion() < 0) {
        return registry.list(type, namespace);
      }
      return registry
          .listAt(type, namespace, from.resourceVersion())
          .recover(
              e ->
                  Future.failedFuture(
                      e instanceof StatusException s && s.is(Reason.EXPIRED)
                          ? continueExpired()
                          : e));
    }
    if (match.equals(EXACT)) {
      return registry.listAt(type, namespace, version);
    }
    if (version > 0) {
      return registry
          .store()
          .awaitResourceVersion(version)
          .compose(v -> registry.list(type, namespace));
    }
    return registry.list(type, namespace);
  }

  /** 410 Expired with a token that continues from the same key at the newest state. */
  private StatusException continueExpired() {
    Status status = Status.failure(410, Reason.EXPIRED, INCONSISTENT_CONTINUE, null);
    status.metadata.continueToken = new ContinueToken(-1, from.start()).encode();
    return new StatusException(status);
  }

  /**
   * The page of {@code snapshot} these options select, the selectors applied; everything, in the
   * store's order, when they ask for no page.
   *
   * @param acrossNamespaces whether keys carry the namespace (a namespaced kind listed in all)
   */
  Page page(ListResult snapshot, ObjectFilter filter, boolean acrossNamespaces) {
    if (limit == 0 && from == null) {
      return new Page(snapshot, null, null);
    }
    record Keyed(String key, StoredObject object) {}
    List<Keyed> after = new ArrayList<>();
    for (StoredObject object : snapshot.objects()) {
      ObjectNode tree = object.tree();
      String key = key(tree, acrossNamespaces);
      if ((from == null || key.compareTo(from.start()) >= 0)
          && (filter.isEmpty() || filter.test(tree))) {
        after.add(new Keyed(key, object));
      }
    }
    after.sort(Comparator.comparing(Keyed::key));
    int size = limit == 0 ? after.size() : (int) Math.min(limit, after.size());
    List<StoredObject> items = new ArrayList<>(size);
    after.subList(0, size).forEach(k -> items.add(k.object()));
    ListResult page = new ListResult(snapshot.resourceVersion(), items);
    if (size == after.size()) {
      return new Page(page, null, null);
    }
    String next =
        ContinueToken.after(snapshot.resourceVersion(), after.get(size - 1).key()).encode();
    return new Page(page, next, filter.isEmpty() ? (long) (after.size() - size) : null);
  }

  private static String key(ObjectNode object, boolean acrossNamespaces) {
    String name = object.path("metadata").path("name").asText();
    if (!acrossNamespaces) {
      return name;
    }
    return object.path("metadata").path("namespace").asText() + "/" + name;
  }
}

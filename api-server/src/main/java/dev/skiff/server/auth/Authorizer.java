package dev.skiff.server.auth;

/**
 * Decides whether a user may do what a request asks. The API server consults one authorizer for
 * every request ({@link AuthorizationHandler}), impersonation ({@link Impersonation}) and the
 * access reviews: {@link dev.skiff.server.auth.rbac.RbacAuthorizer}.
 */
public interface Authorizer {
  Decision authorize(User user, Attributes attributes);

  /** Everything the user may do in a namespace ("" for cluster-scoped rules only). */
  Rules rules(User user, String namespace);
}

package dev.skiff.server.review;

import dev.skiff.api.Json;
import dev.skiff.api.model.authentication.SelfSubjectReview;
import dev.skiff.api.model.authentication.SelfSubjectReviewStatus;
import dev.skiff.api.model.authentication.UserInfo;
import dev.skiff.api.model.authorization.LocalSubjectAccessReview;
import dev.skiff.api.model.authorization.NonResourceAttributes;
import dev.skiff.api.model.authorization.ResourceAttributes;
import dev.skiff.api.model.authorization.SelfSubjectAccessReview;
import dev.skiff.api.model.authorization.SelfSubjectRulesReview;
import dev.skiff.api.model.authorization.SelfSubjectRulesReviewSpec;
import dev.skiff.api.model.authorization.SubjectAccessReview;
import dev.skiff.api.model.authorization.SubjectAccessReviewStatus;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.Decision;
import dev.skiff.server.auth.User;
import dev.skiff.server.http.Bodies;
import dev.skiff.server.http.Replies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The self-subject reviews, answered for the request's authenticated {@link User} through the
 * server's one {@link Authorizer}: SelfSubjectReview ({@code kubectl auth whoami}),
 * SelfSubjectAccessReview ({@code kubectl auth can-i VERB RESOURCE}) and SelfSubjectRulesReview
 * ({@code kubectl auth can-i --list}), and for a given user SubjectAccessReview and (in one
 * namespace) LocalSubjectAccessReview ({@link SubjectReviews}). Create-only and never stored: the
 * reply is the request with its status filled in, 201 Created.
 */
public final class ReviewRoutes {
  private final Authorizer authorizer;

  public ReviewRoutes(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  public void mount(Router router) {
    router
        .post("/apis/authentication.k8s.io/v1/selfsubjectreviews")
        .handler(ctx -> reply(ctx, whoami(ctx)));
    router
        .post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .handler(ctx -> reply(ctx, access(ctx)));
    router
        .post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .handler(ctx -> reply(ctx, rules(ctx)));
    router
        .post("/apis/authorization.k8s.io/v1/subjectaccessreviews")
        .handler(
            ctx ->
                reply(
                    ctx, SubjectReviews.subject(authorizer, body(ctx, SubjectAccessReview.class))));
    router
        .post("/apis/authorization.k8s.io/v1/namespaces/:namespace/localsubjectaccessreviews")
        .handler(
            ctx ->
                reply(
                    ctx,
                    SubjectReviews.local(
                        authorizer,
                        ctx.pathParam("namespace"),
                        body(ctx, LocalSubjectAccessReview.class))));
  }

  private static void reply(RoutingContext ctx, Object review) {
    Replies.json(ctx, 201, review);
  }

  private static SelfSubjectReview whoami(RoutingContext ctx) {
    SelfSubjectReview review = body(ctx, SelfSubjectReview.class);
    User user = User.of(ctx);
    UserInfo info = new UserInfo();
    info.username = user.username();
    info.uid = user.uid().isEmpty() ? null : user.uid();
    info.groups = user.groups();
    review.status = new SelfSubjectReviewStatus();
    review.status.userInfo = info;
    return review;
  }

  private SelfSubjectAccessReview access(RoutingContext ctx) {
    SelfSubjectAccessReview review = body(ctx, SelfSubjectAccessReview.class);
    Decision decision = authorizer.authorize(User.of(ctx), attributes(review));
    review.status = new SubjectAccessReviewStatus();
    review.status.allowed = decision.allowed();
    review.status.reason = decision.reason().isEmpty() ? null : decision.reason();
    return review;
  }

  private SelfSubjectRulesReview rules(RoutingContext ctx) {
    SelfSubjectRulesReview review = body(ctx, SelfSubjectRulesReview.class);
    String namespace = review.spec == null ? null : review.spec.namespace;
    if (review.spec == null) {
      review.spec = new SelfSubjectRulesReviewSpec();
    }
    review.status =
        RulesStatus.of(authorizer.rules(User.of(ctx), namespace == null ? "" : namespace));
    return review;
  }

  private static Attributes attributes(SelfSubjectAccessReview review) {
    ResourceAttributes r = review.spec == null ? null : review.spec.resourceAttributes;
    NonResourceAttributes n = review.spec == null ? null : review.spec.nonResourceAttributes;
    if ((r == null) == (n == null)) {
      throw StatusException.invalid(
          "authorization.k8s.io",
          SelfSubjectAccessReview.KIND,
          "selfsubjectaccessreviews",
          "",
          List.of(
              new StatusCause(
                  Reason.FIELD_VALUE_INVALID,
                  "exactly one of nonResourceAttributes or resourceAttributes must be specified",
                  "spec.resourceAttributes")));
    }
    if (n != null) {
      return Attributes.nonResource(n.verb, n.path);
    }
    return Attributes.resource(r.verb, r.group, r.resource, r.subresource, r.namespace, r.name);
  }

  /** The body as a review of the path's kind; metadata kept (kubectl sends creationTimestamp). */
  static <T extends KubeObject> T body(RoutingContext ctx, Class<T> type) {
    T review = Json.convert(Bodies.object(ctx), type);
    if (review.metadata == null) {
      review.metadata = new ObjectMeta();
    }
    review.metadata.creationTimestamp = null;
    return review;
  }
}

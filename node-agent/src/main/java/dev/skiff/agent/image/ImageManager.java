package dev.skiff.agent.image;

import dev.skiff.agent.pod.CrashBackoff;
import dev.skiff.agent.runtime.ImageService;
import dev.skiff.agent.runtime.RegistryAuth;
import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.LocalObjectReference;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The kubelet's image manager: makes a container's image present as its {@code imagePullPolicy}
 * says (Always, IfNotPresent, Never; the default is Always for {@code :latest} or no tag), with the
 * pod's pull secrets, reporting Pulling, Pulled, Failed, BackOff and ErrImageNeverPull events in
 * the kubelet's words. A failed pull backs off per pod and image (10 s doubling to 5 min, the
 * node's crash back-off settings): the container shows {@code ErrImagePull}, then {@code
 * ImagePullBackOff} until the next pull. Pulls of one image with the same credentials share one
 * engine pull ({@link PullFlights}). A runtime without images (the process runtime) says once per
 * pod that images are not used. Runs on the agent's context.
 */
public final class ImageManager {
  /** The longest time a failed pull shows ErrImagePull before ImagePullBackOff. */
  static final Duration ERR_IMAGE_PULL_SHOWN = Duration.ofSeconds(10);

  private static final Set<String> IMAGE_REASONS =
      Set.of(
          RuntimeFailure.ERR_IMAGE_PULL,
          RuntimeFailure.IMAGE_PULL_BACK_OFF,
          RuntimeFailure.ERR_IMAGE_NEVER_PULL,
          RuntimeFailure.INVALID_IMAGE_NAME,
          "ImageInspectError");

  private final ImageService images;
  private final EventRecorder events;
  private final CrashBackoff backoff;
  private final BiFunction<String, String, Secret> secrets;
  private final PullFlights flights;
  private final Set<String> toldImagesUnused = ConcurrentHashMap.newKeySet();

  /**
   * @param images the runtime's images; null for a runtime that runs none (every image counts as
   *     present)
   * @param secrets a Secret by namespace and name, null when it does not exist
   */
  public ImageManager(
      ImageService images,
      EventRecorder events,
      CrashBackoff backoff,
      BiFunction<String, String, Secret> secrets) {
    this.images = images;
    this.events = events;
    this.backoff = backoff;
    this.secrets = secrets;
    this.flights = images == null ? null : new PullFlights(images);
  }

  /** Whether {@code failure} came from here: the Failed event then names only its reason. */
  public static boolean isImageFailure(Throwable failure) {
    return failure instanceof RuntimeFailure f && IMAGE_REASONS.contains(f.reason());
  }

  /** Forgets the back-offs of a deleted pod. */
  public void forget(String podUid) {
    backoff.forget(podUid + "_");
    toldImagesUnused.remove(podUid);
  }

  /**
   * Makes {@code c}'s image present; answers what the container status reports as its {@code
   * imageID}. Fails with a {@link RuntimeFailure} whose reason is the container's waiting reason.
   */
  public Future<String> ensure(Pod pod, Container c) {
    String image = c.image;
    String field = EventRecorder.containerField(c.name);
    ImageRef ref;
    try {
      ref = ImageRef.parse(image);
    } catch (ImageRef.InvalidReference e) {
      String msg =
          "Failed to apply default image tag \""
              + image
              + "\": couldn't parse image name \""
              + image
              + "\": "
              + e.getMessage();
      events.warning(pod, field, "InspectFailed", msg);
      return Future.failedFuture(new RuntimeFailure(RuntimeFailure.INVALID_IMAGE_NAME, msg));
    }
    if (images == null) {
      if (toldImagesUnused.add(pod.meta().uid)) {
        events.normal(
            pod,
            "ImagesNotUsed",
            "The process runtime runs each container's command as a local process: images (\""
                + image
                + "\") are neither pulled nor used; use skiff up --runtime docker to run images");
      }
      events.normal(pod, field, "Pulled", alreadyPresent(image));
      return Future.succeededFuture(image);
    }
    String policy = PullPolicy.of(image, c.imagePullPolicy);
    return images
        .status(image)
        .recover(
            e -> {
              String msg = "Failed to inspect image \"" + image + "\": " + e.getMessage();
              events.warning(pod, field, "InspectFailed", msg);
              return Future.failedFuture(new RuntimeFailure("ImageInspectError", msg, e));
            })
        .compose(
            present -> {
              if (!PullPolicy.shouldPull(policy, present != null)) {
                if (present != null) {
                  events.normal(pod, field, "Pulled", alreadyPresent(image));
                  return Future.succeededFuture(present.ref());
                }
                String msg =
                    "Container image \"" + image + "\" is not present with pull policy of Never";
                events.warning(pod, field, "ErrImageNeverPull", msg);
                return Future.failedFuture(
                    new RuntimeFailure(RuntimeFailure.ERR_IMAGE_NEVER_PULL, msg));
              }
              return pull(pod, c, ref);
            });
  }

  private Future<String> pull(Pod pod, Container c, ImageRef ref) {
    String image = c.image;
    String field = EventRecorder.containerField(c.name);
    String key = pod.meta().uid + "_" + image;
    Instant until = backoff.backoffSinceUpdate(key);
    if (until != null) {
      String msg = "Back-off pulling image \"" + image + "\"";
      events.normal(pod, field, "BackOff", msg);
      return Future.failedFuture(
          new RuntimeFailure(RuntimeFailure.IMAGE_PULL_BACK_OFF, msg, null, until));
    }
    List<RegistryAuth> credentials = DockerKeyring.of(pullSecrets(pod)).lookup(ref);
    events.normal(pod, field, "Pulling", "Pulling image \"" + image + "\"");
    long asked = System.nanoTime();
    return flights
        .pull(image, credentials)
        .transform(
            ar -> {
              if (ar.failed()) {
                String msg = String.valueOf(ar.cause().getMessage());
                events.warning(
                    pod, field, "Failed", "Failed to pull image \"" + image + "\": " + msg);
                Instant now = backoff.now();
                backoff.next(key, now);
                return Future.failedFuture(
                    new RuntimeFailure(
                        RuntimeFailure.ERR_IMAGE_PULL, msg, ar.cause(), errorShownUntil(key, now)));
              }
              PullFlights.Pulled pulled = ar.result();
              Duration waited = Duration.ofNanos(System.nanoTime() - asked);
              // a pod that joined a running pull waited for less than all of it
              Duration took = pulled.took().compareTo(waited) > 0 ? waited : pulled.took();
              events.normal(
                  pod,
                  field,
                  "Pulled",
                  "Successfully pulled image \""
                      + image
                      + "\" in "
                      + GoDuration.of(took)
                      + " ("
                      + GoDuration.of(waited)
                      + " including waiting). Image size: "
                      + pulled.status().size()
                      + " bytes.");
              return Future.succeededFuture(pulled.status().ref());
            });
  }

  /**
   * After a failed pull the container shows ErrImagePull for half the back-off (at most {@link
   * #ERR_IMAGE_PULL_SHOWN}), then the next start attempt meets the back-off: ImagePullBackOff.
   */
  private Instant errorShownUntil(String key, Instant now) {
    Instant until = backoff.backoffSinceUpdate(key);
    if (until == null) {
      return now;
    }
    Duration half = Duration.between(now, until).dividedBy(2);
    return now.plus(half.compareTo(ERR_IMAGE_PULL_SHOWN) > 0 ? ERR_IMAGE_PULL_SHOWN : half);
  }

  /**
   * The pod's {@code imagePullSecrets} that exist (the ServiceAccount's were copied into the pod
   * when it was created); a Warning names those that do not.
   */
  private List<Secret> pullSecrets(Pod pod) {
    List<Secret> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<LocalObjectReference> refs = pod.spec().imagePullSecrets;
    if (refs != null) {
      for (LocalObjectReference r : refs) {
        if (r == null || r.name == null || r.name.isEmpty()) {
          continue;
        }
        Secret s = secrets.apply(pod.meta().namespace, r.name);
        if (s == null) {
          missing.add(r.name);
        } else {
          found.add(s);
        }
      }
    }
    if (!missing.isEmpty()) {
      events.warning(
          pod,
          "FailedToRetrieveImagePullSecret",
          "Unable to retrieve some image pull secrets ("
              + String.join(", ", missing)
              + "); attempting to pull the image may not succeed.");
    }
    return found;
  }

  private static String alreadyPresent(String image) {
    return "Container image \"" + image + "\" already present on machine";
  }
}

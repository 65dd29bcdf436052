package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.image.ImageRef;
import dev.skiff.agent.runtime.ImageService;
import dev.skiff.agent.runtime.ImageStatus;
import dev.skiff.agent.runtime.RegistryAuth;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's images: inspect, and pulls through {@code POST /images/create} with the registry
 * credentials in {@code X-Registry-Auth} (base64url of Docker's AuthConfig JSON). A pull fails with
 * the engine's message as the docker CLI shows it: {@code Error response from daemon: ...} when the
 * engine refuses the request, the stream's {@code error} when it fails midway. Remembers the {@code
 * imageID} of every image it saw, for the containers started from it.
 */
final class DockerImages implements ImageService {
  /** A pull that reports no progress for this long has failed. */
  private static final long PULL_IDLE_MILLIS = 300_000;

  private final DockerClient docker;
  private final Map<String, String> refs = new ConcurrentHashMap<>();

  DockerImages(DockerClient docker) {
    this.docker = docker;
  }

  @Override
  public Future<ImageStatus> status(String image) {
    return docker
        .get("/images/" + encode(image) + "/json")
        .map(inspect -> remember(image, inspect))
        .recover(
            e ->
                DockerException.isNotFound(e)
                    ? Future.<ImageStatus>succeededFuture()
                    : DockerImages.<ImageStatus>failed(e));
  }

  @Override
  public Future<ImageStatus> pull(String image, RegistryAuth auth) {
    ImageRef ref;
    try {
      ref = ImageRef.parse(image);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    String path =
        "/images/create?fromImage=" + encode(ref.repository()) + "&tag=" + encode(ref.pullTag());
    Map<String, String> headers =
        auth == null ? Map.of() : Map.of("X-Registry-Auth", authHeader(auth));
    return docker.stream(HttpMethod.POST, path, null, headers, PULL_IDLE_MILLIS)
        .recover(DockerImages::failed)
        .compose(
            response -> {
              Promise<Void> done = Promise.promise();
              String[] error = new String[1];
              RecordParser lines =
                  RecordParser.newDelimited(
                      "\n",
                      line -> {
                        String message = streamError(line);
                        if (message != null && error[0] == null) {
                          error[0] = message;
                        }
                      });
              response.handler(lines);
              response.exceptionHandler(done::tryFail);
              response.endHandler(
                  v -> {
                    if (error[0] != null) {
                      done.tryFail(new DockerException(500, error[0]));
                    } else {
                      done.tryComplete();
                    }
                  });
              response.resume();
              return done.future();
            })
        .compose(v -> status(image))
        .compose(
            status ->
                status != null
                    ? Future.succeededFuture(status)
                    : Future.<ImageStatus>failedFuture(
                        new DockerException(404, "image " + image + " is not present after pull")));
  }

  /** The imageID of a container started from {@code image}, if this node saw the image. */
  String refOf(String image) {
    return refs.get(image);
  }

  /** Fails clearly when a required image (the pause image) is missing. */
  Future<Void> require(String image) {
    return docker
        .get("/images/" + encode(image) + "/json")
        .<Void>mapEmpty()
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "the pod sandbox image "
                            + image
                            + " is not present: build it "
                            + "with deploy/images/build.sh",
                        e)));
  }

  private ImageStatus remember(String image, JsonObject inspect) {
    String id = inspect.getString("Id", "");
    ImageStatus status = new ImageStatus(id, imageId(image, inspect), inspect.getLong("Size", 0L));
    refs.put(image, status.ref());
    return status;
  }

  /**
   * {@code docker-pullable://REPO@sha256:...} from the image's repo digests (the one of the
   * requested repository first), or {@code docker://ID} for an image that never came from a
   * registry: what the kubelet's Docker integration reports.
   */
  static String imageId(String image, JsonObject inspect) {
    JsonArray digests = inspect.getJsonArray("RepoDigests", new JsonArray());
    String repository;
    try {
      repository = ImageRef.parse(image).repository();
    } catch (IllegalArgumentException e) {
      repository = image;
    }
    String chosen = null;
    for (Object d : digests) {
      String digest = String.valueOf(d);
      if (digest.startsWith(repository + "@")) {
        chosen = digest;
        break;
      }
      if (chosen == null) {
        chosen = digest;
      }
    }
    return chosen != null
        ? "docker-pullable://" + chosen
        : "docker://" + inspect.getString("Id", "");
  }

  /** Docker's AuthConfig JSON, base64url-encoded, for the X-Registry-Auth header. */
  static String authHeader(RegistryAuth auth) {
    JsonObject json = new JsonObject();
    put(json, "username", auth.username());
    put(json, "password", auth.password());
    put(json, "auth", auth.auth());
    put(json, "serveraddress", auth.serverAddress());
    put(json, "identitytoken", auth.identityToken());
    put(json, "registrytoken", auth.registryToken());
    return Base64.getUrlEncoder().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static void put(JsonObject json, String key, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(key, value);
    }
  }

  /** The {@code error} of one line of the pull's progress stream, or null. */
  private static String streamError(Buffer line) {
    if (line.length() == 0) {
      return null;
    }
    try {
      JsonObject message = line.toJsonObject();
      String error = message.getString("error");
      if (error == null && message.getJsonObject("errorDetail") != null) {
        error = message.getJsonObject("errorDetail").getString("message");
      }
      return error;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static <T> Future<T> failed(Throwable e) {
    if (e instanceof DockerException d) {
      return Future.failedFuture(
          new DockerException(d.status(), "Error response from daemon: " + d.getMessage()));
    }
    return Future.failedFuture(e);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

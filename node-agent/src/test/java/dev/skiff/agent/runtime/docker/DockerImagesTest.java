package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.RegistryAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DockerImagesTest {
  @Test
  void anImageFromARegistryIsReportedByTheDigestOfItsRepository() {
    JsonObject inspect =
        new JsonObject()
            .put("Id", "sha256:aaa")
            .put(
                "RepoDigests",
                new JsonArray()
                    .add("other:5000/busybox@sha256:111")
                    .add("localhost:5000/busybox@sha256:222"));

    assertThat(DockerImages.imageId("localhost:5000/busybox:1", inspect))
        .isEqualTo("docker-pullable://localhost:5000/busybox@sha256:222");
    assertThat(DockerImages.imageId("elsewhere/x:1", inspect))
        .isEqualTo("docker-pullable://other:5000/busybox@sha256:111");
  }

  @Test
  void aLocallyBuiltImageIsReportedByItsId() {
    assertThat(DockerImages.imageId("skiff/busybox:1", new JsonObject().put("Id", "sha256:aaa")))
        .isEqualTo("docker://sha256:aaa");
  }

  @Test
  void theAuthHeaderIsBase64UrlOfDockersAuthConfig() {
    String header =
        DockerImages.authHeader(new RegistryAuth("u", "p?>", null, "localhost:5000", null, null));

    JsonObject json =
        new JsonObject(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
    assertThat(json)
        .isEqualTo(
            new JsonObject()
                .put("username", "u")
                .put("password", "p?>")
                .put("serveraddress", "localhost:5000"));
  }
}

package dev.skiff.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.RegistryAuth;
import dev.skiff.api.model.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerKeyringTest {
  @Test
  void findsTheDockerConfigJsonEntryOfTheImagesRegistry() {
    Secret secret =
        secret(
            Secret.TYPE_DOCKER_CONFIG_JSON,
            ".dockerconfigjson",
            "{\"auths\":{\"localhost:5000\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"other.example\":{\"username\":\"x\",\"password\":\"y\"}}}");

    List<RegistryAuth> found =
        DockerKeyring.of(List.of(secret)).lookup(ImageRef.parse("localhost:5000/app:1"));

    assertThat(found).extracting(RegistryAuth::username).containsExactly("u");
    assertThat(found.get(0).serverAddress()).isEqualTo("localhost:5000");
    assertThat(DockerKeyring.of(List.of(secret)).lookup(ImageRef.parse("localhost:5001/app")))
        .isEmpty();
  }

  @Test
  void decodesAuthAndReadsDockercfgAndDockerHubKeys() {
    String auth = Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
    Secret cfg =
        secret(
            Secret.TYPE_DOCKERCFG,
            ".dockercfg",
            "{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"}}");

    List<RegistryAuth> found = DockerKeyring.of(List.of(cfg)).lookup(ImageRef.parse("busybox"));

    assertThat(found).singleElement().extracting(RegistryAuth::username).isEqualTo("alice");
    assertThat(found.get(0).password()).isEqualTo("pw");
  }

  @Test
  void matchesGlobHostsAndPathPrefixesMostSpecificFirst() {
    Secret secret =
        secret(
            Secret.TYPE_DOCKER_CONFIG_JSON,
            ".dockerconfigjson",
            "{\"auths\":{\"*.example.com\":{\"username\":\"any\"},"
                + "\"https://r.example.com/v2/team\":{\"username\":\"team\"},"
                + "\"r.example.com/other\":{\"username\":\"other\"}}}");
    DockerKeyring keyring = DockerKeyring.of(List.of(secret));

    assertThat(keyring.lookup(ImageRef.parse("r.example.com/team/app:1")))
        .extracting(RegistryAuth::username)
        .containsExactly("team", "any");
    assertThat(keyring.lookup(ImageRef.parse("a.b.example.com/app"))).isEmpty();
  }

  @Test
  void skipsOtherTypesAndUnreadableContents() {
    Secret opaque = secret(Secret.TYPE_OPAQUE, ".dockerconfigjson", "{\"auths\":{\"h\":{}}}");
    Secret broken = secret(Secret.TYPE_DOCKER_CONFIG_JSON, ".dockerconfigjson", "not json");

    assertThat(DockerKeyring.of(List.of(opaque, broken)).lookup(ImageRef.parse("h/app"))).isEmpty();
  }

  private static Secret secret(String type, String key, String json) {
    Secret s = new Secret();
    s.type = type;
    s.data = Map.of(key, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    return s;
  }
}

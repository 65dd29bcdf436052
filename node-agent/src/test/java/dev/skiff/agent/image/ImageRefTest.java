package dev.skiff.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {
  static final String DIGEST =
      "sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "busybox, -, busybox, -, busybox, docker.io/library/busybox, latest",
        "busybox:1.36, -, busybox, 1.36, busybox, docker.io/library/busybox, 1.36",
        "team/app:v2, -, team/app, v2, team/app, docker.io/team/app, v2",
        "localhost:5000/busybox:1, localhost:5000, busybox, 1, localhost:5000/busybox,"
            + " localhost:5000/busybox, 1",
        "localhost/app, localhost, app, -, localhost/app, localhost/app, latest",
        "registry.example.com/a/b/c:x_y.z-1, registry.example.com, a/b/c, x_y.z-1,"
            + " registry.example.com/a/b/c, registry.example.com/a/b/c, x_y.z-1",
      })
  void parsesLikeDistribution(
      String image,
      String domain,
      String path,
      String tag,
      String repository,
      String normalized,
      String pullTag) {
    ImageRef ref = ImageRef.parse(image);

    assertThat(ref.domain()).isEqualTo(domain);
    assertThat(ref.path()).isEqualTo(path);
    assertThat(ref.tag()).isEqualTo(tag);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.normalizedRepository()).isEqualTo(normalized);
    assertThat(ref.pullTag()).isEqualTo(pullTag);
  }

  @Test
  void aDigestIsWhatAPullAsksFor() {
    ImageRef ref = ImageRef.parse("localhost:5000/busybox:1@" + DIGEST);

    assertThat(ref.digest()).isEqualTo(DIGEST);
    assertThat(ref.tag()).isEqualTo("1");
    assertThat(ref.pullTag()).isEqualTo(DIGEST);
  }

  @Test
  void dockerHubImagesAreKnownAsSuch() {
    assertThat(ImageRef.parse("busybox").dockerHub()).isTrue();
    assertThat(ImageRef.parse("docker.io/library/busybox").dockerHub()).isTrue();
    assertThat(ImageRef.parse("localhost:5000/busybox").dockerHub()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Busybox, repository name must be lowercase",
    "busybox:, invalid reference format",
    "busybox:a/b, invalid reference format",
    "bus  box, invalid reference format",
    "busybox@sha256:abc, invalid reference format",
    "/busybox, invalid reference format"
  })
  void refusesWhatDistributionRefuses(String image, String message) {
    assertThatThrownBy(() -> ImageRef.parse(image))
        .isInstanceOf(ImageRef.InvalidReference.class)
        .hasMessage(message);
  }
}

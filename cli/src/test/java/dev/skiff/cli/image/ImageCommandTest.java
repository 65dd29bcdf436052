package dev.skiff.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCommandTest {
  @Test
  void listsOneRowPerTagAsCrictlDoes() {
    JsonArray images =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("Id", "sha256:8a9e2f0c1b3d5e7f9a")
                    .put("Size", 2_031_616)
                    .put(
                        "RepoTags",
                        new JsonArray().add("skiff/busybox:1").add("localhost:5000/b:2")))
            .add(
                new JsonObject()
                    .put("Id", "sha256:0123456789abcdef")
                    .put("Size", 999)
                    .put("RepoTags", new JsonArray().add("<none>:<none>")));

    assertThat(ImageCommand.table(images))
        .isEqualTo(
            "IMAGE               TAG                 IMAGE ID            SIZE\n"
                + "<none>              <none>              0123456789abc       999B\n"
                + "localhost:5000/b    2                   8a9e2f0c1b3d5       2.03MB\n"
                + "skiff/busybox       1                   8a9e2f0c1b3d5       2.03MB\n");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0B", "999, 999B", "1000, 1kB", "2031616, 2.03MB", "487000000, 487MB"})
  void sizesReadAsDockerPrintsThem(long bytes, String text) {
    assertThat(ImageCommand.humanSize(bytes)).isEqualTo(text);
  }
}

package dev.skiff.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.resource.Resources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-document YAML, JSON, Lists, directories and stdin for -f. */
class ManifestsTest {
  static final String TWO =
      """
      # a comment before the first document
      apiVersion: v1
      kind: Pod
      metadata: {name: a}
      ---
      ---
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: Service, metadata: {name: b}}
      - {apiVersion: apps/v1, kind: Deployment, metadata: {name: c, namespace: shop}}
      """;

  @Test
  void readsEveryDocumentSkipsEmptyOnesAndExpandsLists() {
    List<Manifests.Manifest> objects = Manifests.parse(TWO, "m.yaml");

    assertThat(objects)
        .extracting(m -> m.object().path("metadata").path("name").asText())
        .containsExactly("a", "b", "c");
    assertThat(objects).allMatch(m -> m.source().equals("m.yaml"));
  }

  @Test
  void jsonIsYamlToo() {
    assertThat(
            Manifests.parse(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}", "x.json"))
        .hasSize(1);
  }

  @Test
  void readsDirectoriesInNameOrderAndStdin(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: two}\n");
    Files.writeString(
        dir.resolve("1.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"one\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    var stdin =
        new ByteArrayInputStream(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: three}\n"
                .getBytes(StandardCharsets.UTF_8));

    List<Manifests.Manifest> objects = Manifests.read(List.of(dir.toString(), "-"), stdin);

    assertThat(objects)
        .extracting(m -> m.object().path("metadata").path("name").asText())
        .containsExactly("one", "two", "three");
    assertThat(objects.get(2).source()).isEqualTo("STDIN");
  }

  @Test
  void aMissingFileOrBrokenYamlFails() {
    assertThatThrownBy(() -> Manifests.read(List.of("/no/such/file.yaml"), System.in))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Manifests.parse("a: [unclosed", "bad.yaml"))
        .hasMessageStartingWith("error: error parsing bad.yaml");
    assertThatThrownBy(() -> Manifests.parse("metadata: {name: x}\n", "nokind.yaml"))
        .hasMessageContaining("apiVersion and kind must be set");
  }

  @Test
  void targetsTakeTheirNamespaceFromTheObjectThenTheFlagThenTheContext() {
    List<Manifests.Manifest> objects = Manifests.parse(TWO, "m.yaml");

    assertThat(ManifestTarget.of(objects.get(0), null, "default"))
        .isEqualTo(new ManifestTarget(Resources.PODS, "default", "a"));
    assertThat(ManifestTarget.of(objects.get(1), "dev", "default"))
        .isEqualTo(new ManifestTarget(Resources.SERVICES, "dev", "b"));
    assertThat(ManifestTarget.of(objects.get(2), null, "default"))
        .isEqualTo(new ManifestTarget(Resources.DEPLOYMENTS, "shop", "c"));
    assertThatThrownBy(() -> ManifestTarget.of(objects.get(2), "dev", "default"))
        .hasMessageContaining("does not match the namespace \"dev\"");
  }

  @Test
  void unknownKindsAndNamelessObjectsAreRefused() {
    Manifests.Manifest foo =
        Manifests.parse("apiVersion: x/v1\nkind: Foo\nmetadata: {name: f}\n", "f.yaml").get(0);
    Manifests.Manifest nameless =
        Manifests.parse("apiVersion: v1\nkind: Pod\nmetadata: {}\n", "p.yaml").get(0);

    assertThatThrownBy(() -> ManifestTarget.of(foo, null, "default"))
        .hasMessageContaining("no matches for kind \"Foo\" in version \"x/v1\"");
    assertThatThrownBy(() -> ManifestTarget.of(nameless, null, "default"))
        .hasMessageContaining("resource name may not be empty");
  }
}

package dev.skiff.agent.pod.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.model.core.Base64Data;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.DownwardAPIVolumeFile;
import dev.skiff.api.model.core.KeyToPath;
import dev.skiff.api.model.core.ObjectFieldSelector;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  private static String text(FileContent f) {
    return new String(f.data(), StandardCharsets.UTF_8);
  }

  private static KeyToPath item(String key, String path, Integer mode) {
    KeyToPath kp = new KeyToPath();
    kp.key = key;
    kp.path = path;
    kp.mode = mode;
    return kp;
  }

  @Test
  void aConfigMapGivesEveryKeyOrTheListedItemsWithTheirModes() {
    ConfigMap cm = new ConfigMap();
    cm.data = Map.of("a", "1", "b", "2");
    cm.binaryData = Map.of("bin", Base64Data.encode("raw"));

    Map<String, FileContent> all = Payloads.configMap("v", "cm", cm, null, 0644, false);
    assertThat(all).containsOnlyKeys("a", "b", "bin");
    assertThat(text(all.get("bin"))).isEqualTo("raw");
    assertThat(all.get("a").mode()).isEqualTo(0644);

    Map<String, FileContent> some =
        Payloads.configMap("v", "cm", cm, List.of(item("b", "dir/b.txt", 0400)), 0644, false);
    assertThat(some).containsOnlyKeys("dir/b.txt");
    assertThat(some.get("dir/b.txt").mode()).isEqualTo(0400);
  }

  @Test
  void missingObjectsAndKeysFailAsTheKubeletSaysUnlessOptional() {
    assertThatThrownBy(() -> Payloads.configMap("config", "app", null, null, 0644, false))
        .isInstanceOfSatisfying(
            VolumeFailure.class,
            f ->
                assertThat(f.eventMessage())
                    .isEqualTo(
                        "MountVolume.SetUp failed for volume \"config\" : configmap \"app\" not"
                            + " found"));
    assertThat(Payloads.secret("s", "gone", null, null, 0644, true)).isEmpty();
    Secret secret = new Secret();
    secret.data = Map.of("user", Base64Data.encode("admin"));
    assertThatThrownBy(
            () ->
                Payloads.secret(
                    "s", "creds", secret, List.of(item("pass", "p", null)), 0644, false))
        .hasMessage("references non-existent secret key: pass");
    assertThat(text(Payloads.secret("s", "creds", secret, null, 0644, false).get("user")))
        .isEqualTo("admin");
  }

  @Test
  void downwardApiFormatsLabelsAsSortedQuotedLines() {
    Pod pod = new Pod();
    pod.meta().name = "web";
    pod.meta().labels = Map.of("tier", "web", "app", "a\"b");
    DownwardAPIVolumeFile labels = new DownwardAPIVolumeFile();
    labels.path = "labels";
    labels.fieldRef = new ObjectFieldSelector();
    labels.fieldRef.fieldPath = "metadata.labels";
    DownwardAPIVolumeFile name = new DownwardAPIVolumeFile();
    name.path = "name";
    name.fieldRef = new ObjectFieldSelector();
    name.fieldRef.fieldPath = "metadata.name";
    name.mode = 0600;

    Map<String, FileContent> files =
        Payloads.downwardApi("info", pod, List.of(labels, name), 0644, Map.of());

    assertThat(text(files.get("labels"))).isEqualTo("app=\"a\\\"b\"\ntier=\"web\"");
    assertThat(text(files.get("name"))).isEqualTo("web");
    assertThat(files.get("name").mode()).isEqualTo(0600);
  }
}

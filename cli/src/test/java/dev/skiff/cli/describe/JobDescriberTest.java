package dev.skiff.cli.describe;

import static dev.skiff.cli.describe.DescribersTest.input;
import static dev.skiff.cli.describe.DescribersTest.json;
import static dev.skiff.cli.describe.DescribersTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.resource.Resources;
import org.junit.jupiter.api.Test;

/** Golden test: a completed Job read from a Skiff cluster and what kubectl 1.32 printed for it. */
class JobDescriberTest {
  @Test
  void completedJobPrintsAsKubectlDoes() {
    String text =
        Describers.describe(Resources.JOBS, input(json("job.json"), null, java.util.List.of()));

    assertThat(text).isEqualTo(text("job.describe"));
  }
}

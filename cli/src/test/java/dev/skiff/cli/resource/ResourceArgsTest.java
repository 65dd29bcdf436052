package dev.skiff.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.resource.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TYPE[,TYPE] [NAME...] and TYPE/NAME... as kubectl reads them. */
class ResourceArgsTest {
  @Test
  void aTypeAloneMeansTheCollection() {
    assertThat(ResourceArgs.parse(List.of("po")))
        .containsExactly(new ResourceArgs.Target(Resources.PODS, null));
  }

  @Test
  void namesFollowTheTypeAndCombineWithEveryListedType() {
    assertThat(ResourceArgs.parse(List.of("pods,svc", "web")))
        .containsExactly(
            new ResourceArgs.Target(Resources.PODS, "web"),
            new ResourceArgs.Target(Resources.SERVICES, "web"));
  }

  @Test
  void slashFormsNameTheirOwnType() {
    assertThat(ResourceArgs.parse(List.of("deploy/web", "service/web")))
        .containsExactly(
            new ResourceArgs.Target(Resources.DEPLOYMENTS, "web"),
            new ResourceArgs.Target(Resources.SERVICES, "web"));
  }

  @Test
  void configKindsAnswerToTheirShortNames() {
    assertThat(ResourceArgs.parse(List.of("cm,secret,sa", "app")))
        .containsExactly(
            new ResourceArgs.Target(Resources.CONFIGMAPS, "app"),
            new ResourceArgs.Target(Resources.SECRETS, "app"),
            new ResourceArgs.Target(Resources.SERVICEACCOUNTS, "app"));
    assertThat(ResourceArgs.parse(List.of("configmaps/app", "serviceaccount/builder")))
        .containsExactly(
            new ResourceArgs.Target(Resources.CONFIGMAPS, "app"),
            new ResourceArgs.Target(Resources.SERVICEACCOUNTS, "builder"));
  }

  @Test
  void allMeansTheAllCategory() {
    assertThat(ResourceArgs.types("all"))
        .containsExactly(
            Resources.PODS,
            Resources.SERVICES,
            Resources.DEPLOYMENTS,
            Resources.REPLICASETS,
            Resources.STATEFULSETS,
            Resources.DAEMONSETS,
            Resources.REPLICATIONCONTROLLERS,
            Resources.JOBS,
            Resources.CRONJOBS);
  }

  @Test
  void mixingFormsIsAUsageError() {
    assertThatThrownBy(() -> ResourceArgs.parse(List.of("pods", "pod/web")))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertThatThrownBy(() -> ResourceArgs.parse(List.of()))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
  }

  @Test
  void anUnknownTypeFailsLikeKubectl() {
    assertThatThrownBy(() -> ResourceArgs.parse(List.of("foos")))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.getMessage())
                  .isEqualTo("error: the server doesn't have a resource type \"foos\"");
            });
  }

  @Test
  void oneTakesADefaultTypeForABareName() {
    assertThat(ResourceArgs.one("web", Resources.SERVICES))
        .isEqualTo(new ResourceArgs.Target(Resources.SERVICES, "web"));
    assertThat(ResourceArgs.one("svc/web", Resources.PODS))
        .isEqualTo(new ResourceArgs.Target(Resources.SERVICES, "web"));
    assertThatThrownBy(() -> ResourceArgs.one("web", null)).isInstanceOf(CliException.class);
  }
}

package dev.skiff.agent.pod;

import dev.skiff.agent.image.ImageManager;
import dev.skiff.agent.pod.env.ContainerEnv;
import dev.skiff.agent.pod.env.EnvSources;
import dev.skiff.agent.pod.env.Expansion;
import dev.skiff.agent.pod.serviceaccount.InClusterFiles;
import dev.skiff.agent.pod.volume.PodVolumes;
import dev.skiff.agent.pod.volume.VolumeMounts;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts one container instance: the image under its pull policy ({@link ImageManager}), the
 * environment (service variables, env, downward API) and $(VAR)-expanded command and args, then the
 * runtime's start. Pulled, Created and Started events on success; Failed and the recorded waiting
 * reason otherwise.
 */
final class ContainerStarter {
  private final PodSettings settings;
  private final ContainerRuntime runtime;
  private final ImageManager images;
  private final EventRecorder events;
  private final Function<Pod, Map<String, String>> serviceEnv;
  private final Function<Pod, EnvSources> envSources;
  private final Function<Pod, Future<Path>> serviceAccounts;
  private final Clock clock;

  ContainerStarter(
      PodSettings settings,
      ContainerRuntime runtime,
      ImageManager images,
      EventRecorder events,
      Function<Pod, Map<String, String>> serviceEnv,
      Function<Pod, EnvSources> envSources,
      Function<Pod, Future<Path>> serviceAccounts,
      Clock clock) {
    this.settings = settings;
    this.envSources = envSources;
    this.serviceAccounts = serviceAccounts;
    this.runtime = runtime;
    this.images = images;
    this.events = events;
    this.serviceEnv = serviceEnv;
    this.clock = clock;
  }

  /** Pulls (checks) the image, builds env and argv, starts; records a failure. Never fails. */
  Future<Void> start(
      Pod pod,
      PodRecord record,
      ContainerRecord cr,
      Container c,
      Sandbox sandbox,
      int attempt,
      Map<String, PodVolumes.Source> volumes) {
    cr.starting = true;
    return images
        .ensure(pod, c)
        .compose(imageRef -> serviceAccounts.apply(pod))
        .compose(
            saDir -> {
              Map<String, String> env =
                  ContainerEnv.build(
                      pod,
                      c,
                      serviceEnv.apply(pod),
                      sandbox.ip(),
                      settings.hostIp(),
                      envSources.apply(pod));
              InClusterFiles.env(saDir, runtime.type()).forEach(env::putIfAbsent);
              List<ContainerSpec.Mount> mounts = new ArrayList<>(VolumeMounts.of(c, volumes, env));
              if (runtime.mountsVolumes()) {
                mounts.addAll(InClusterFiles.mounts(saDir, c.volumeMounts));
              }
              ContainerSpec spec =
                  new ContainerSpec(
                      record.uid,
                      pod.meta().namespace,
                      pod.meta().name,
                      c.name,
                      attempt,
                      c.image,
                      Expansion.expandAll(c.command, env),
                      Expansion.expandAll(c.args, env),
                      env,
                      c.workingDir,
                      Boolean.TRUE.equals(c.stdin),
                      Boolean.TRUE.equals(c.tty),
                      mounts);
              return runtime.startContainer(spec);
            })
        .onComplete(
            ar -> {
              cr.starting = false;
              if (ar.succeeded()) {
                cr.failure = null;
                events.normal(
                    pod,
                    EventRecorder.containerField(c.name),
                    "Created",
                    "Created container " + c.name);
                events.normal(
                    pod,
                    EventRecorder.containerField(c.name),
                    "Started",
                    "Started container " + c.name);
              } else {
                cr.failure =
                    StartFailure.of(
                        ar.cause(), RuntimeFailure.CREATE_CONTAINER_ERROR, clock.instant());
                // image failures were told in their own events: this one names the reason only
                events.warning(
                    pod,
                    EventRecorder.containerField(c.name),
                    "Failed",
                    "Error: "
                        + (ImageManager.isImageFailure(ar.cause())
                            ? cr.failure.reason()
                            : ar.cause().getMessage()));
              }
            })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}

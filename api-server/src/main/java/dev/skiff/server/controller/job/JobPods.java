package dev.skiff.server.controller.job;

import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.replicaset.PodStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Pod facts the Job controller reads (phase, index, restarts, finish time) and its new pods. */
final class JobPods {
  private JobPods() {}

  static boolean succeeded(Pod pod) {
    return "Succeeded".equals(phase(pod));
  }

  static boolean failed(Pod pod) {
    return "Failed".equals(phase(pod));
  }

  private static String phase(Pod pod) {
    return pod.status == null ? null : pod.status.phase;
  }

  /** The completion index of a pod of an Indexed Job, or -1. */
  static int index(Pod pod) {
    String value =
        pod.meta().annotations == null ? null : pod.meta().annotations.get(Job.COMPLETION_INDEX);
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Container restarts: failures of a pod under restartPolicy OnFailure. */
  static int restarts(Pod pod) {
    int sum = 0;
    if (pod.status != null && pod.status.containerStatuses != null) {
      for (ContainerStatus cs : pod.status.containerStatuses) {
        sum += cs.restartCount == null ? 0 : cs.restartCount;
      }
    }
    return sum;
  }

  /** When a finished pod's last container finished (its creation time when unknown). */
  static Instant finishedAt(Pod pod) {
    Instant latest = null;
    if (pod.status != null && pod.status.containerStatuses != null) {
      for (ContainerStatus cs : pod.status.containerStatuses) {
        Instant t =
            cs.state == null || cs.state.terminated == null
                ? null
                : Times.parse(cs.state.terminated.finishedAt);
        if (t != null && (latest == null || t.isAfter(latest))) {
          latest = t;
        }
      }
    }
    return latest != null ? latest : Times.parse(pod.meta().creationTimestamp);
  }

  /**
   * A new pod from the Job's template: generated name ({@code <job>-} or {@code <job>-<index>-}),
   * template labels and annotations, the controller reference; for an Indexed Job the index as
   * annotation, label and JOB_COMPLETION_INDEX in every container.
   */
  static Pod podFor(Job job, int index) {
    Pod pod = PodStates.fromTemplate(job, job.spec().template);
    pod.meta().generateName = job.meta().name + "-" + (index >= 0 ? index + "-" : "");
    if (index >= 0) {
      String value = Integer.toString(index);
      if (pod.meta().annotations == null) {
        pod.meta().annotations = new LinkedHashMap<>();
      }
      pod.meta().annotations.put(Job.COMPLETION_INDEX, value);
      pod.meta().labels.put(Job.COMPLETION_INDEX, value);
      if (pod.spec.hostname == null) {
        pod.spec.hostname = job.meta().name + "-" + index;
      }
      addIndexEnv(pod.spec.containers, value);
      addIndexEnv(pod.spec.initContainers, value);
    }
    return pod;
  }

  private static void addIndexEnv(List<Container> containers, String value) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      if (c.env == null) {
        c.env = new ArrayList<>();
      }
      EnvVar env = new EnvVar();
      env.name = "JOB_COMPLETION_INDEX";
      env.value = value;
      c.env.add(env);
    }
  }
}

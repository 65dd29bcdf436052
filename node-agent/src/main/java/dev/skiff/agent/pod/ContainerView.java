package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.api.model.core.Container;

/**
 * Everything the status of one container is computed from.
 *
 * @param current the latest instance, or null if none was started
 * @param previous the instance before it, or null
 * @param waitingReason set when the container waits (ContainerCreating, CrashLoopBackOff, a start
 *     failure); null when its state is that of {@code current}
 */
record ContainerView(
    Container spec,
    ContainerInfo current,
    ContainerInfo previous,
    String waitingReason,
    String waitingMessage,
    boolean ready,
    boolean started,
    int restartCount) {}

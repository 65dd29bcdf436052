package dev.skiff.agent.pod.volume;

/**
 * A volume that cannot be set up now: the kubelet's MountVolume.SetUp error for one volume. The
 * pod's containers wait (ContainerCreating) and the agent retries; {@link #getMessage()} is what
 * the FailedMount event says after {@code MountVolume.SetUp failed for volume "NAME" : }.
 */
public final class VolumeFailure extends RuntimeException {
  private final String volume;

  public VolumeFailure(String volume, String message) {
    super(message);
    this.volume = volume;
  }

  /** The volume's name in the pod spec. */
  public String volume() {
    return volume;
  }

  /** The FailedMount event's message, as the kubelet words it. */
  public String eventMessage() {
    return "MountVolume.SetUp failed for volume \"" + volume + "\" : " + getMessage();
  }
}

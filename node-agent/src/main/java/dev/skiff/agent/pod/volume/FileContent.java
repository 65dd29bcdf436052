package dev.skiff.agent.pod.volume;

import java.util.Arrays;

/** One file of a volume's payload: its bytes and its mode bits. */
public record FileContent(byte[] data, int mode) {
  @Override
  public boolean equals(Object o) {
    return o instanceof FileContent f && f.mode == mode && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + mode;
  }
}

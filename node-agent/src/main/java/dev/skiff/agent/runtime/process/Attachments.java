package dev.skiff.agent.runtime.process;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The clients attached to a container's main process: its output pump hands every chunk of stdout
 * and stderr to each of them as well as to the log. A client that falls more than {@value
 * #MAX_CHUNKS} chunks behind loses output (the log and the container never wait for a client).
 */
final class Attachments {
  private static final int MAX_CHUNKS = 1024;
  private static final byte[] END = new byte[0];

  /** One attached client's view of stdout and stderr. */
  static final class Tap {
    final TapStream stdout = new TapStream();
    final TapStream stderr = new TapStream();

    void end() {
      stdout.end();
      stderr.end();
    }
  }

  private final List<Tap> taps = new CopyOnWriteArrayList<>();
  private volatile boolean ended;

  Tap attach() {
    Tap tap = new Tap();
    taps.add(tap);
    if (ended) {
      tap.end();
    }
    return tap;
  }

  void detach(Tap tap) {
    taps.remove(tap);
    tap.end();
  }

  /** From the output pump's thread. */
  void copy(boolean stderr, byte[] bytes, int length) {
    for (Tap tap : taps) {
      (stderr ? tap.stderr : tap.stdout).offer(java.util.Arrays.copyOf(bytes, length));
    }
  }

  /** The process's output has ended. */
  void end() {
    ended = true;
    taps.forEach(Tap::end);
  }

  /** A blocking InputStream over chunks handed over by another thread. */
  static final class TapStream extends InputStream {
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(MAX_CHUNKS);
    private byte[] current = new byte[0];
    private int position;
    private boolean done;

    void offer(byte[] chunk) {
      chunks.offer(chunk);
    }

    void end() {
      chunks.clear();
      chunks.offer(END);
    }

    @Override
    public int read() throws java.io.IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      while (!done && position >= current.length) {
        try {
          byte[] next = chunks.poll(1, TimeUnit.HOURS);
          if (next == END) {
            done = true;
          } else if (next != null) {
            current = next;
            position = 0;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
      }
      if (done) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}

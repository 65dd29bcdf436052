package dev.skiff.proxy.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Blocking socket helpers for tests (run on the test thread, never on an event loop). */
public final class Clients {
  private Clients() {}

  /** Connects, reads the greeting line, closes: which backend answered. */
  public static String whoAnswers(String ip, int port) throws IOException {
    return whoAnswers(null, ip, port);
  }

  /** Like {@link #whoAnswers(String, int)} from the local address {@code from}. */
  public static String whoAnswers(String from, String ip, int port) throws IOException {
    try (Socket s = connect(from, ip, port)) {
      String line = reader(s).readLine();
      if (line == null) {
        throw new IOException("closed without a greeting");
      }
      return line;
    }
  }

  public static Socket connect(String from, String ip, int port) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(5000);
    if (from != null) {
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    }
    s.connect(new InetSocketAddress(InetAddress.getByName(ip), port), 2000);
    return s;
  }

  /**
   * Connects and reads; returns the milliseconds until the proxy's refusal surfaced as an
   * IOException (a reset can arrive before connect() returns, or on the first read). Fails when the
   * connection was served instead.
   */
  public static long millisUntilRefused(String ip, int port) {
    long start = System.nanoTime();
    try (Socket s = connect(null, ip, port)) {
      int first = s.getInputStream().read();
      throw new AssertionError("expected a refusal, read " + first);
    } catch (IOException refused) {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  public static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }
}

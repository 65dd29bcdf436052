package dev.skiff.bench.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Bulk TCP throughput for the benchmark. {@code sink IP PORT}: accepts connections one at a time,
 * discards what it reads and answers the byte count at end-of-stream. {@code send IP PORT MIB}:
 * streams MIB mebibytes, half-closes, waits for the count and prints "MiB/s".
 */
public final class BulkMain {
  private static final int CHUNK = 1 << 20;

  private BulkMain() {}

  public static void main(String[] args) throws IOException {
    InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
    if (args[0].equals("sink")) {
      sink(address);
    } else {
      send(address, Long.parseLong(args[3]));
    }
  }

  private static void sink(InetSocketAddress address) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(address);
      System.out.println("ready");
      ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
      while (true) {
        try (SocketChannel ch = server.accept()) {
          long total = 0;
          for (int n = ch.read(buf); n >= 0; n = ch.read(buf)) {
            total += n;
            buf.clear();
          }
          ByteBuffer count = ByteBuffer.allocate(8).putLong(0, total);
          while (count.hasRemaining()) {
            ch.write(count);
          }
        }
      }
    }
  }

  private static void send(InetSocketAddress address, long mib) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
    try (SocketChannel ch = SocketChannel.open(address)) {
      long start = System.nanoTime();
      for (long i = 0; i < mib; i++) {
        chunk.clear();
        while (chunk.hasRemaining()) {
          ch.write(chunk);
        }
      }
      ch.shutdownOutput();
      ByteBuffer count = ByteBuffer.allocate(8);
      while (count.hasRemaining() && ch.read(count) >= 0) {
        // wait for the sink's count
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long received = count.getLong(0);
      if (received != mib * CHUNK) {
        throw new IOException("sink got " + received + " bytes of " + mib * CHUNK);
      }
      System.out.printf("%.0f%n", mib / seconds);
    }
  }
}

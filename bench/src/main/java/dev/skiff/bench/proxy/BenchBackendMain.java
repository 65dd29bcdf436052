package dev.skiff.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's backend: a Vert.x HTTP server answering {@code /small} with 100 bytes and any
 * other path with 10 KiB. Arguments: {@code IP PORT EVENT_LOOPS}.
 */
public final class BenchBackendMain {
  private BenchBackendMain() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setPreferNativeTransport(true)
                .setEventLoopPoolSize(Integer.parseInt(args[2])));
    Buffer small = body(100);
    Buffer large = body(10 * 1024);
    CharSequence smallLength = HttpHeaders.createOptimized(String.valueOf(small.length()));
    CharSequence largeLength = HttpHeaders.createOptimized(String.valueOf(large.length()));
    CharSequence type = HttpHeaders.createOptimized("application/octet-stream");
    vertx
        .createHttpServer()
        .requestHandler(
            req -> {
              boolean isSmall = req.path().equals("/small");
              req.response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, type)
                  .putHeader(HttpHeaders.CONTENT_LENGTH, isSmall ? smallLength : largeLength)
                  .end(isSmall ? small : large);
            })
        .listen(Integer.parseInt(args[1]), args[0])
        .await(10, TimeUnit.SECONDS);
    System.out.println("ready");
  }

  private static Buffer body(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return Buffer.buffer(bytes);
  }
}

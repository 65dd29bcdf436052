package dev.skiff.server.stream;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.vertx.core.http.HttpConnection;
import java.util.regex.Pattern;

/**
 * Lets client-go's SPDY upgrade through: client-go sends it as a POST (kubectl before 1.31 for
 * port-forward and before 1.30 for exec, and any program on an older client-go; kubectl 1.32 when
 * WebSockets are turned off or fail), while Vert.x turns only CONNECT and GET requests into a raw
 * socket ({@code HttpUtils.isConnectOrUpgrade}). Right after the HTTP decoder, a {@code POST} to a
 * pod's {@code exec}, {@code attach} or {@code portforward} that asks to upgrade to SPDY/3.1 is
 * handed on as a GET, which kube-apiserver treats the same. Nothing else is touched.
 */
public final class SpdyPostUpgrade extends ChannelInboundHandlerAdapter {
  private static final Pattern STREAMING =
      Pattern.compile("^/api/v1/namespaces/[^/]+/pods/[^/]+/(exec|attach|portforward)(\\?.*)?$");
  private static final String NAME = "skiffSpdyPostUpgrade";
  private static final String DECODER = "httpDecoder";

  private SpdyPostUpgrade() {}

  /** Installs the handler on a new HTTP/1.x connection ({@code HttpServer.connectionHandler}). */
  public static void install(HttpConnection connection) {
    ChannelPipeline pipeline = VertxNetty.pipeline(connection);
    if (pipeline != null && pipeline.get(DECODER) != null && pipeline.get(NAME) == null) {
      pipeline.addAfter(DECODER, NAME, new SpdyPostUpgrade());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request
        && request.method().equals(HttpMethod.POST)
        && "SPDY/3.1".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))
        && request.headers().containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)
        && STREAMING.matcher(request.uri()).matches()) {
      request.setMethod(HttpMethod.GET);
    }
    ctx.fireChannelRead(msg);
  }
}

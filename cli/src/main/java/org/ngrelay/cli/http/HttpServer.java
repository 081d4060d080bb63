package org.ngrelay.cli.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ngrelay.cli.TcpListener;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.ng.NgProcessor;

/**
 * {@code --listen-http}: rtpengine's HTTP endpoint. {@code GET /metrics} (Prometheus text),
 * {@code GET /ping} ({@code pong}), {@code POST /ng} (the body is a whole ng message,
 * {@code cookie SP bencode}, answered in the same framing), {@code GET /cli/<command>} (words
 * separated by {@code +} or {@code %20}; or {@code POST /cli} with the command as the body).
 * Anything else is 404, as in rtpengine. One Netty event loop of its own; answers that wait for
 * the media loops are written from there.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());
    private static final int MAX_BODY = 1 << 20;
    /** An ng request answered from the reply cache while its first copy still runs gets no answer of its own. */
    private static final long NG_TIMEOUT_MS = 30_000;

    private final TcpListener listener;

    public HttpServer(Metrics metrics, NgProcessor ng, ControlCli cli, InetSocketAddress address) throws InterruptedException {
        listener = new TcpListener(address, false, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Handler(metrics, ng, cli));
            }
        });
        LOG.info("Listening for HTTP requests on TCP " + listener.localAddress());
    }

    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** What to send back: status, content type, body. */
    private record Answer(HttpResponseStatus status, String contentType, byte[] body) {
        static Answer text(HttpResponseStatus status, String text) {
            return new Answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Metrics metrics;
        private final NgProcessor ng;
        private final ControlCli cli;

        Handler(Metrics metrics, NgProcessor ng, ControlCli cli) {
            this.metrics = metrics;
            this.ng = ng;
            this.cli = cli;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            route(ctx, request).exceptionally(e -> Answer.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error: " + e + "\n"))
                    .thenAccept(answer -> send(ctx, answer, keepAlive));
        }

        private CompletableFuture<Answer> route(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = new QueryStringDecoder(request.uri()).rawPath();
            HttpMethod method = request.method();
            if (path.equals("/metrics") && method.equals(HttpMethod.GET)) {
                return metrics.scrape().thenApply(text -> new Answer(HttpResponseStatus.OK,
                        "text/plain; version=0.0.4; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)));
            }
            if (path.equals("/ping") && method.equals(HttpMethod.GET)) {
                return CompletableFuture.completedFuture(Answer.text(HttpResponseStatus.OK, "pong"));
            }
            if (path.equals("/ng") && method.equals(HttpMethod.POST)) {
                return ngRequest(ctx, ByteBufUtil.getBytes(request.content()));
            }
            if (path.startsWith("/cli/") && method.equals(HttpMethod.GET)) {
                // rtpengine's form: words joined by '+' (or percent-encoded blanks)
                String command = QueryStringDecoder.decodeComponent(path.substring("/cli/".length()).replace('+', ' '));
                return cli.run(command).thenApply(text -> Answer.text(HttpResponseStatus.OK, text));
            }
            if (path.equals("/cli") && method.equals(HttpMethod.POST)) {
                return cli.run(request.content().toString(StandardCharsets.UTF_8))
                        .thenApply(text -> Answer.text(HttpResponseStatus.OK, text));
            }
            return CompletableFuture.completedFuture(Answer.text(HttpResponseStatus.NOT_FOUND, "Not found\n"));
        }

        private CompletableFuture<Answer> ngRequest(ChannelHandlerContext ctx, byte[] body) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            if (!NgProcessor.hasCookie(body)) {
                return CompletableFuture.completedFuture(Answer.text(HttpResponseStatus.BAD_REQUEST,
                        "An ng message is 'COOKIE SP dictionary'\n"));
            }
            ng.process(body, (InetSocketAddress) ctx.channel().remoteAddress(),
                    reply -> answer.complete(new Answer(HttpResponseStatus.OK, "application/x-rtpengine-ng", reply)));
            return answer.orTimeout(NG_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        private static void send(ChannelHandlerContext ctx, Answer answer, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(),
                    Unpooled.wrappedBuffer(answer.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
            HttpUtil.setContentLength(response, answer.body().length);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.fine(() -> "HTTP connection closed: " + cause);
            ctx.close();
        }
    }
}

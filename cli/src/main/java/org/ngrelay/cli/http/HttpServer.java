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
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ngrelay.ng.transport.TcpListener;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.ng.NgProcessor;
import org.ngrelay.ng.transport.TcpListener;

/**
 * {@code --listen-http} and {@code --listen-https}: rtpengine's HTTP endpoint. {@code GET /metrics}
 * (Prometheus text), {@code GET /ping} ({@code pong}), {@code POST /ng} (the body is a whole ng
 * message, {@code cookie SP bencode}, answered in the same framing), {@code POST /ng-plain} (the
 * dictionary alone, bencode or JSON, as newer rtpengine has it), {@code GET /cli/<command>} (words
 * separated by {@code +} or {@code %20}; or {@code POST /cli} with the command as the body), and a
 * WebSocket upgrade on any path with one of {@link WebSocketSession#SUBPROTOCOLS}. Anything else
 * is 404, as in rtpengine. Event loops of its own ({@code --http-threads}); answers that wait for
 * the media loops are written from there.
 *
 * <p>Limits: a body or WebSocket message above {@link #MAX_BODY} is refused (413, or a WebSocket
 * close 1009); an HTTP connection with no traffic for {@link #IDLE_SECONDS} s (nothing sent, a
 * request half-sent) is closed; a client that does not read stops being read from.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());
    public static final int MAX_BODY = 1 << 20;
    public static final int IDLE_SECONDS = 60;
    /** An ng request answered from the reply cache while its first copy still runs gets no answer of its own. */
    private static final long NG_TIMEOUT_MS = 30_000;

    private static final String IDLE = "idle";

    private final TcpListener listener;

    public HttpServer(Metrics metrics, NgProcessor ng, ControlCli cli, InetSocketAddress address) throws InterruptedException {
        this(metrics, ng, cli, address, null, 1, IDLE_SECONDS);
    }

    /**
     * @param tls         null for HTTP and WS, else the context of HTTPS and WSS
     * @param threads     {@code --http-threads}
     * @param idleSeconds an HTTP connection with no traffic this long is closed
     */
    public HttpServer(Metrics metrics, NgProcessor ng, ControlCli cli, InetSocketAddress address, SslContext tls,
                      int threads, int idleSeconds) throws InterruptedException {
        listener = new TcpListener(List.of(address), threads, 0, false, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (tls != null) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                }
                ch.pipeline().addLast(IDLE, new IdleStateHandler(idleSeconds, 0, 0));
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Handler(metrics, ng, cli, tls != null));
            }
        });
        LOG.info("Listening for " + (tls != null ? "HTTPS and WSS" : "HTTP and WebSocket") + " requests on TCP " + listener.localAddress());
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
        private final boolean secure;

        Handler(Metrics metrics, NgProcessor ng, ControlCli cli, boolean secure) {
            this.metrics = metrics;
            this.ng = ng;
            this.cli = cli;
            this.secure = secure;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                send(ctx, Answer.text(request.decoderResult().cause() instanceof io.netty.handler.codec.TooLongFrameException
                        ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE : HttpResponseStatus.BAD_REQUEST, "Bad request\n"), false);
                return;
            }
            if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                upgrade(ctx, request);
                return;
            }
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
            if (path.equals("/ng-plain") && method.equals(HttpMethod.POST)) {
                return ngPlain(ctx, ByteBufUtil.getBytes(request.content()));
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

        /** The WebSocket handshake; the connection then belongs to a {@link WebSocketSession}. */
        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
            String url = (secure ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url,
                    String.join(",", WebSocketSession.SUBPROTOCOLS), false, MAX_BODY).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            String requested = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
            String chosen = WebSocketSession.choose(requested);
            if (chosen == null) {
                LOG.info("WebSocket upgrade from " + ctx.channel().remoteAddress() + " refused: subprotocol '" + requested
                        + "' is none of " + WebSocketSession.SUBPROTOCOLS);
                send(ctx, Answer.text(HttpResponseStatus.BAD_REQUEST, "Unsupported WebSocket subprotocol; use one of "
                        + String.join(", ", WebSocketSession.SUBPROTOCOLS) + "\n"), false);
                return;
            }
            handshaker.handshake(ctx.channel(), request).addListener(f -> {
                if (f.isSuccess()) {
                    // a WebSocket client may stay idle between requests, as ng clients do
                    ctx.pipeline().remove(IDLE);
                    ctx.pipeline().addBefore(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_BODY));
                    ctx.pipeline().replace(this, "ws", new WebSocketSession(handshaker, chosen, ng, cli));
                }
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                LOG.fine(() -> "HTTP connection from " + ctx.channel().remoteAddress() + " idle: closed");
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
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

        private CompletableFuture<Answer> ngPlain(ChannelHandlerContext ctx, byte[] body) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            String type = body.length > 0 && body[0] == '{' ? "application/json" : "application/x-rtpengine-ng";
            ng.processPlain(body, (InetSocketAddress) ctx.channel().remoteAddress(),
                    reply -> answer.complete(new Answer(HttpResponseStatus.OK, type, reply)));
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

package org.ngrelay.cli.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.ng.NgProcessor;

/**
 * One WebSocket connection after the handshake, speaking the subprotocol it chose: rtpengine
 * 10.5's {@code ng.rtpengine.com} (each message {@code COOKIE SP dictionary}),
 * {@code cli.rtpengine.com} (each message a CLI command, answered with its text) and
 * {@code echo.rtpengine.com}, and newer rtpengine's {@code ng-plain.rtpengine.com} (the
 * dictionary alone, bencode or JSON). Requests may come in text or binary frames; replies go in
 * binary frames, as rtpengine 10.5 sends them (bencode is not always UTF-8).
 */
final class WebSocketSession extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = Logger.getLogger(WebSocketSession.class.getName());

    static final String NG = "ng.rtpengine.com";
    static final String NG_PLAIN = "ng-plain.rtpengine.com";
    static final String CLI = "cli.rtpengine.com";
    static final String ECHO = "echo.rtpengine.com";
    static final List<String> SUBPROTOCOLS = List.of(NG, NG_PLAIN, CLI, ECHO);

    /** The first of the client's {@code Sec-WebSocket-Protocol} values that is one of ours, or null. */
    static String choose(String requested) {
        if (requested != null) {
            for (String p : requested.split(",")) {
                if (SUBPROTOCOLS.contains(p.trim())) {
                    return p.trim();
                }
            }
        }
        return null;
    }

    private final WebSocketServerHandshaker handshaker;
    private final String subprotocol;
    private final NgProcessor ng;
    private final ControlCli cli;

    WebSocketSession(WebSocketServerHandshaker handshaker, String subprotocol, NgProcessor ng, ControlCli cli) {
        this.handshaker = handshaker;
        this.subprotocol = subprotocol;
        this.ng = ng;
        this.cli = cli;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame close) {
            handshaker.close(ctx.channel(), close.retain());
            return;
        }
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            return;
        }
        if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
            return;
        }
        byte[] message = ByteBufUtil.getBytes(frame.content());
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        switch (subprotocol) {
            case NG -> ng.process(message, peer, reply -> send(ctx, reply));
            case NG_PLAIN -> ng.processPlain(message, peer, reply -> send(ctx, reply));
            case CLI -> cli.run(new String(message, StandardCharsets.UTF_8))
                    .thenAccept(answer -> send(ctx, answer.getBytes(StandardCharsets.UTF_8)));
            default -> send(ctx, message);
        }
    }

    private static void send(ChannelHandlerContext ctx, byte[] body) {
        ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(body)), ctx.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an oversized or broken frame: Netty has answered with a close frame where it could
        LOG.log(Level.INFO, "WebSocket connection from " + ctx.channel().remoteAddress() + " closed: " + cause.getMessage());
        ctx.close();
    }
}

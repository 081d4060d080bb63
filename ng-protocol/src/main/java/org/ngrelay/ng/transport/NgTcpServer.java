package org.ngrelay.ng.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.ng.NgProcessor;

/**
 * {@code --listen-tcp-ng}: ng over TCP, rtpengine's framing ({@code COOKIE SP dictionary}, one
 * message after another on the stream, replies in the same framing and in the order they are
 * ready). Requests go to the same processor and reply cache as UDP's.
 *
 * <p>Limits, so that no client holds a thread or another client: a message larger than
 * {@link #MAX_MESSAGE} closes its connection; so does a message left half-sent for
 * {@link #PARTIAL_TIMEOUT_SEC} s (an idle connection between messages is fine: SIP proxies keep
 * theirs open); a client that does not read its replies stops being read from once
 * {@link TcpListener#WRITE_HIGH_WATER} bytes wait for it.
 */
public final class NgTcpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NgTcpServer.class.getName());

    /** 1 MiB: thirty times a large WebRTC offer. */
    public static final int MAX_MESSAGE = 1 << 20;
    public static final int PARTIAL_TIMEOUT_SEC = 30;

    private final TcpListener listener;

    /** @param tos {@code --control-tos}, 0 to leave it alone */
    public NgTcpServer(NgProcessor processor, List<InetSocketAddress> addresses, int tos) throws InterruptedException {
        this(processor, addresses, tos, PARTIAL_TIMEOUT_SEC);
    }

    /** @param partialTimeoutSec how long a half-sent message may stay half-sent */
    public NgTcpServer(NgProcessor processor, List<InetSocketAddress> addresses, int tos, int partialTimeoutSec)
            throws InterruptedException {
        listener = new TcpListener(addresses, 1, tos, false, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new IdleStateHandler(partialTimeoutSec, 0, 0), new Connection(processor, partialTimeoutSec));
            }
        });
        for (InetSocketAddress a : listener.localAddresses()) {
            LOG.info("Listening for ng commands on TCP " + a);
        }
    }

    /** {@code set controltos}: open connections and those accepted from now on. */
    public void tos(int tos) {
        listener.tos(tos);
    }

    public int tos() {
        return listener.tos();
    }

    public List<InetSocketAddress> localAddresses() {
        return listener.localAddresses();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** One client: cuts the stream into messages and writes the replies back. */
    private static final class Connection extends ByteToMessageDecoder {
        private final NgProcessor processor;
        private final int partialTimeoutSec;

        Connection(NgProcessor processor, int partialTimeoutSec) {
            this.processor = processor;
            this.partialTimeoutSec = partialTimeoutSec;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (in.isReadable()) {
                // blanks and line ends between messages are tolerated
                byte b = in.getByte(in.readerIndex());
                if (b == '\r' || b == '\n' || b == ' ' || b == '\t') {
                    in.skipBytes(1);
                    continue;
                }
                int end = MessageScanner.end(in, in.readerIndex());
                if (end == MessageScanner.INCOMPLETE) {
                    if (in.readableBytes() > MAX_MESSAGE) {
                        refuse(ctx, in, "sent a message larger than " + MAX_MESSAGE + " bytes");
                    }
                    return;
                }
                if (end == MessageScanner.MALFORMED) {
                    refuse(ctx, in, "sent something that is not 'COOKIE SP dictionary'");
                    return;
                }
                byte[] message = ByteBufUtil.getBytes(in, in.readerIndex(), end - in.readerIndex());
                in.readerIndex(end);
                InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
                processor.process(message, peer, reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply), ctx.voidPromise()));
            }
        }

        private static void refuse(ChannelHandlerContext ctx, ByteBuf in, String what) {
            LOG.warning("ng TCP client " + ctx.channel().remoteAddress() + " " + what + ": connection closed");
            in.skipBytes(in.readableBytes());
            ctx.close();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent && actualReadableBytes() > 0) {
                LOG.warning("ng TCP client " + ctx.channel().remoteAddress() + " left a message half-sent for "
                        + partialTimeoutSec + " s: connection closed");
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.FINE, "ng TCP connection closed", cause);
            ctx.close();
        }
    }
}

package org.ngrelay.cli.control;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.ngrelay.ng.transport.TcpListener;

/**
 * {@code --listen-cli}: rtpengine's CLI socket, as Debian's {@code rtpengine-ctl} speaks to it over
 * TCP: the client sends one command line ({@code list numsessions\n}), the daemon writes the answer
 * and closes the connection, which is how the client knows the answer is complete. A command
 * without a newline is taken when the client shuts down its sending side ({@code printf | nc}).
 */
public final class CliServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CliServer.class.getName());
    /** A command line is short; anything longer is not one. */
    private static final int MAX_LINE = 64 * 1024;
    private static final int IDLE_SECONDS = 10;

    private final TcpListener listener;

    public CliServer(ControlCli cli, InetSocketAddress address) throws InterruptedException {
        listener = new TcpListener(address, true, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS), new CommandHandler(cli));
            }
        });
        LOG.info("Listening for CLI commands on TCP " + listener.localAddress());
    }

    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Collects one line, runs it, answers and closes. */
    private static final class CommandHandler extends ChannelInboundHandlerAdapter {
        private final ControlCli cli;
        private final ByteBuf line = Unpooled.buffer();
        private boolean taken;

        CommandHandler(ControlCli cli) {
            this.cli = cli;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                if (!taken) {
                    line.writeBytes(in);
                    int newline = line.indexOf(line.readerIndex(), line.writerIndex(), (byte) '\n');
                    if (newline >= 0) {
                        answer(ctx, line.toString(line.readerIndex(), newline - line.readerIndex(), StandardCharsets.UTF_8));
                    } else if (line.readableBytes() > MAX_LINE) {
                        taken = true;
                        reply(ctx, "Command too long.\n");
                    }
                }
            } finally {
                in.release();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent && !taken) {
                answer(ctx, line.toString(StandardCharsets.UTF_8));
            }
            ctx.fireUserEventTriggered(evt);
        }

        private void answer(ChannelHandlerContext ctx, String command) {
            taken = true;
            cli.run(command).thenAccept(text -> reply(ctx, text));
        }

        /** From the event loop or a media loop: a Netty channel takes writes from any thread. */
        private static void reply(ChannelHandlerContext ctx, String text) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            line.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a client that went away or idled out; nothing to tell anyone
            LOG.fine(() -> "CLI connection closed: " + cause);
            ctx.close();
        }
    }
}

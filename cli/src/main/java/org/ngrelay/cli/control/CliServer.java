package org.ngrelay.cli.control;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

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

    private final EventLoopGroup group;
    private final Channel channel;

    public CliServer(ControlCli cli, InetSocketAddress address) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS), new CommandHandler(cli));
                        }
                    })
                    .bind(address).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
        LOG.info("Listening for CLI commands on TCP " + channel.localAddress());
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
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

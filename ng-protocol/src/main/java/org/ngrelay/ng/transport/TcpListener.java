package org.ngrelay.ng.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TCP listening sockets on Netty event loops of their own (epoll when available), for ng over
 * TCP, the control CLI and HTTP: control traffic never shares a thread with media. A connection
 * whose peer does not read its replies has at most {@link #WRITE_HIGH_WATER} bytes queued; then it
 * is not read from either until the queue drains, so a deaf client cannot make the daemon buffer
 * without bound.
 */
public final class TcpListener implements AutoCloseable {

    /** Queued output above which a connection is unwritable. */
    public static final int WRITE_HIGH_WATER = 1 << 20;

    private static final ChannelHandler READ_WHILE_WRITABLE = new ReadWhileWritable();

    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    /** The open connections (a closed one leaves the group by itself). */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** IP TOS of connections accepted from now on, 0 to leave it alone. */
    private volatile int tos;

    /** @param halfClosure let a connection's handler see the client shut down its sending side */
    public TcpListener(InetSocketAddress address, boolean halfClosure, ChannelInitializer<SocketChannel> initializer)
            throws InterruptedException {
        this(List.of(address), 1, 0, halfClosure, initializer);
    }

    /**
     * @param threads event-loop threads shared by the addresses' connections
     * @param tos     IP TOS byte of the connections' packets, 0 to leave it alone
     */
    public TcpListener(List<InetSocketAddress> addresses, int threads, int tos, boolean halfClosure,
                       ChannelInitializer<SocketChannel> initializer) throws InterruptedException {
        this.tos = tos;
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(Math.max(1, threads), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, halfClosure)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(WRITE_HIGH_WATER / 2, WRITE_HIGH_WATER))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            int t = TcpListener.this.tos;
                            if (t > 0) {
                                ch.config().setOption(ChannelOption.IP_TOS, t);
                            }
                            connections.add(ch);
                            ch.pipeline().addLast(READ_WHILE_WRITABLE, initializer);
                        }
                    });
            for (InetSocketAddress address : addresses) {
                channels.add(bootstrap.bind(address).sync().channel());
            }
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * {@code set controltos}: the TOS byte of the packets of every open connection and of every
     * connection accepted from now on.
     */
    public void tos(int tos) {
        this.tos = tos;
        for (Channel ch : connections) {
            ch.config().setOption(ChannelOption.IP_TOS, tos);
        }
    }

    /** The TOS byte connections get, 0 when left alone. */
    public int tos() {
        return tos;
    }

    /** The first address (with the real port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channels.get(0).localAddress();
    }

    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Channel ch : channels) {
            out.add((InetSocketAddress) ch.localAddress());
        }
        return out;
    }

    /** Stops reading from a connection while its replies cannot be written. */
    @ChannelHandler.Sharable
    private static final class ReadWhileWritable extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
            super.channelWritabilityChanged(ctx);
        }
    }

    @Override
    public void close() {
        for (Channel ch : channels) {
            ch.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

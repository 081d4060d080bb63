package org.ngrelay.ng.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.ng.NgProcessor;

/** {@code --listen-ng}: one UDP socket per address, all on one control thread. */
public final class NgUdpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NgUdpServer.class.getName());

    /** The largest UDP payload over IPv4/IPv6 without jumbograms. */
    public static final int MAX_DATAGRAM = 65535;

    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();

    public NgUdpServer(NgProcessor processor, List<InetSocketAddress> addresses) throws InterruptedException {
        this(processor, addresses, 0);
    }

    /** @param tos {@code --control-tos}: IP TOS byte of the replies, 0 to leave it alone */
    public NgUdpServer(NgProcessor processor, List<InetSocketAddress> addresses, int tos) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, 4 << 20)
                    // Netty's default reads 2 KB of a datagram and drops the rest; a browser's
                    // offer is 3-4 KB and rtpengine takes any datagram, so read the largest one.
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                    .handler(new Handler(processor));
            if (tos > 0) {
                bootstrap.option(ChannelOption.IP_TOS, tos);
            }
            for (InetSocketAddress address : addresses) {
                Channel ch = bootstrap.bind(address).sync().channel();
                channels.add(ch);
                LOG.info("Listening for ng commands on UDP " + ch.localAddress());
            }
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** {@code set controltos}: the TOS byte of every ng socket's packets from now on. */
    public void tos(int tos) {
        for (Channel ch : channels) {
            ch.config().setOption(ChannelOption.IP_TOS, tos);
        }
    }

    /** The TOS byte the first socket sends with. */
    public int tos() {
        return channels.isEmpty() ? 0 : channels.get(0).config().getOption(ChannelOption.IP_TOS);
    }

    /** The bound addresses (with the real port when 0 was asked for). */
    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Channel ch : channels) {
            out.add((InetSocketAddress) ch.localAddress());
        }
        return out;
    }

    @Override
    public void close() {
        for (Channel ch : channels) {
            ch.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final NgProcessor processor;

        Handler(NgProcessor processor) {
            this.processor = processor;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            byte[] datagram = ByteBufUtil.getBytes(content);
            InetSocketAddress sender = packet.sender();
            Channel channel = ctx.channel();
            processor.process(datagram, sender, reply ->
                    channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), sender), channel.voidPromise()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.WARNING, "ng socket error", cause);
        }
    }
}

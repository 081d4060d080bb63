package org.ngrelay.core.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A media loop on a plain JDK selector (epoll on Linux) with one reused direct receive buffer: the
 * portable transport, used where ngrelay's JNI library is not built ({@link EpollMediaLoop} is
 * the default). It costs about 1 µs more CPU per packet than that, all of it in the JDK's
 * selector and channel layers, and still less than Netty epoll (docs/performance.md). Each ready
 * socket is read once per wake-up: epoll is level-triggered, so a second queued datagram wakes us
 * again, and we never pay for a receive that returns nothing.
 */
public final class NioMediaLoop extends AbstractMediaLoop {

    private static final Logger LOG = Logger.getLogger(NioMediaLoop.class.getName());

    private final Selector selector;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65536);
    private final Consumer<SelectionKey> onReady = this::onReady;
    /** True while select dispatches: the selector cannot be flushed from inside its own select. */
    private boolean selecting;

    public NioMediaLoop(String name) {
        super(name);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
        start();
    }

    @Override
    public MediaSocket open(InetSocketAddress local, int tos, PacketHandler handler) throws IOException {
        if (!inLoop()) {
            throw new IllegalStateException("sockets are opened on their loop");
        }
        DatagramChannel channel = DatagramChannel.open(local.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            if (tos > 0) {
                channel.setOption(StandardSocketOptions.IP_TOS, tos);
            }
            channel.bind(local);
            NioMediaSocket socket = new NioMediaSocket(this, channel, (InetSocketAddress) channel.getLocalAddress(), handler);
            channel.register(selector, SelectionKey.OP_READ, socket);
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    boolean poll(int timeoutMs) {
        selecting = true;
        try {
            if (timeoutMs > 0) {
                selector.select(onReady, timeoutMs);
            } else {
                selector.selectNow(onReady);
            }
        } catch (ClosedSelectorException e) {
            return false; // shut down from inside a task
        } catch (IOException e) {
            LOG.log(Level.WARNING, name() + ": select failed", e);
        } finally {
            selecting = false;
        }
        return true;
    }

    @Override
    void wakeUp() {
        selector.wakeup();
    }

    private void onReady(SelectionKey key) {
        // select(Consumer) dispatches from inside the wake-up, so the clock is read per packet
        // (~25 ns, well under 1 % of a packet's cost).
        NioMediaSocket socket = (NioMediaSocket) key.attachment();
        socket.receiveOnce(receiveBuffer, System.nanoTime());
    }

    /**
     * The JDK closes a channel registered with a selector only when the selector next drops its
     * key; until then the port stays bound. Dropping the keys at once means a deleted call's
     * ports are free by the time the delete is answered. Ready events seen here are ignored:
     * epoll is level-triggered, so they are reported again by the next select. A socket closed by
     * a packet handler (inside the select) is dropped by the select that follows at once.
     */
    private void dropCancelledKeys() {
        if (!inLoop() || !selector.isOpen() || selecting) {
            return;
        }
        try {
            selector.selectNow(key -> { });
        } catch (IOException e) {
            LOG.log(Level.FINE, name() + ": selectNow after close", e);
        }
        // selectNow also swallowed any wakeup() another thread made meanwhile. Its task is already
        // queued (execute queues before it wakes), and the loop looks at the queue before it blocks;
        // but the flag must say "no wakeup pending", or the next execute() would skip wakeup() and
        // its task would wait for the one-second tick.
        wakeUpConsumed();
    }

    @Override
    void closeAll() {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            ((NioMediaSocket) key.attachment()).close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing selector", e);
        }
    }

    /** One non-blocking datagram channel registered on this loop. */
    private static final class NioMediaSocket implements MediaSocket {
        private final NioMediaLoop loop;
        private final DatagramChannel channel;
        private final InetSocketAddress localAddress;
        private PacketHandler handler;

        NioMediaSocket(NioMediaLoop loop, DatagramChannel channel, InetSocketAddress localAddress, PacketHandler handler) {
            this.loop = loop;
            this.channel = channel;
            this.localAddress = localAddress;
            this.handler = handler;
        }

        void receiveOnce(ByteBuffer buffer, long nowNs) {
            InetSocketAddress source;
            buffer.clear();
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                // ICMP port unreachable from an earlier send shows up here on Linux: not fatal.
                return;
            }
            if (source == null) {
                return;
            }
            buffer.flip();
            try {
                handler.onPacket(buffer, source, nowNs);
            } catch (RuntimeException e) {
                // Conventions: no exception leaves a packet, and a bad packet never closes a socket.
                LOG.log(Level.WARNING, "packet handler failed on " + localAddress, e);
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return localAddress;
        }

        @Override
        public boolean send(ByteBuffer packet, InetSocketAddress target) {
            int position = packet.position();
            try {
                return channel.send(packet, target) > 0;
            } catch (IOException e) {
                return false;
            } finally {
                packet.position(position);
            }
        }

        @Override
        public void handler(PacketHandler handler) {
            this.handler = handler;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing " + localAddress, e);
            }
            loop.dropCancelledKeys();
        }
    }
}

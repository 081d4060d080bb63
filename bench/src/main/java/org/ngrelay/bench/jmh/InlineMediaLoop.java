package org.ngrelay.bench.jmh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.net.MediaSocket;
import org.ngrelay.core.net.PacketHandler;

/**
 * A {@link MediaLoop} for benchmarks: the calling thread is the loop (every task runs inline, so
 * {@code CallManager}'s futures are complete when it returns), there is no selector and no timer
 * thread (ticks are accepted and never run, so no call times out under a benchmark), and each
 * opened socket records the {@link PacketHandler} the call gave it, so a benchmark can hand that
 * handler packets itself. Sockets are either counting ones (no syscall: {@link #counting()}) or
 * real non-blocking JDK datagram channels that send exactly as {@code NioMediaLoop}'s sockets do
 * ({@link #jdk()}); neither is registered for reading.
 */
final class InlineMediaLoop implements MediaLoop {

    private final String name;
    private final boolean realSockets;
    private final List<BenchSocket> sockets = new ArrayList<>();
    private final List<LongConsumer> tickers = new ArrayList<>();

    private InlineMediaLoop(String name, boolean realSockets) {
        this.name = name;
        this.realSockets = realSockets;
    }

    /** Sockets bind nothing and count sends instead of sending. */
    static InlineMediaLoop counting() {
        return new InlineMediaLoop("bench-inline-counting", false);
    }

    /** Sockets are real UDP sockets bound where the call asks; sends are real {@code sendto}s. */
    static InlineMediaLoop jdk() {
        return new InlineMediaLoop("bench-inline-jdk", true);
    }

    @Override
    public MediaSocket open(InetSocketAddress local, int tos, PacketHandler handler) throws IOException {
        BenchSocket socket = realSockets ? new JdkSocket(this, local, handler) : new CountingSocket(this, local, handler);
        sockets.add(socket);
        return socket;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public void onTick(LongConsumer tick) {
        tickers.add(tick);
    }

    @Override
    public void shutdown() {
        for (BenchSocket s : new ArrayList<>(sockets)) {
            s.close();
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The open socket bound to {@code port}; fails loudly when the call opened none there. */
    BenchSocket socketOnPort(int port) {
        for (BenchSocket s : sockets) {
            if (s.localAddress().getPort() == port) {
                return s;
            }
        }
        throw new IllegalStateException("no socket of " + name + " on port " + port + "; open: " + sockets);
    }

    /** A socket of this loop: what the call gave it and what it sent. */
    abstract static class BenchSocket implements MediaSocket {
        private final InlineMediaLoop loop;
        private PacketHandler handler;
        /** Sends the kernel took (all of them, for a counting socket). */
        long sends;
        long bytesSent;
        InetSocketAddress lastTarget;
        boolean closed;

        BenchSocket(InlineMediaLoop loop, PacketHandler handler) {
            this.loop = loop;
            this.handler = handler;
        }

        PacketHandler handler() {
            return handler;
        }

        @Override
        public void handler(PacketHandler handler) {
            this.handler = handler;
        }

        @Override
        public void close() {
            closed = true;
            loop.sockets.remove(this);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + localAddress() + ", sends=" + sends + "]";
        }
    }

    /** Binds nothing: a send is counted and returns true, as if the kernel had taken it. */
    static final class CountingSocket extends BenchSocket {
        private final InetSocketAddress local;

        CountingSocket(InlineMediaLoop loop, InetSocketAddress local, PacketHandler handler) {
            super(loop, handler);
            this.local = local;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public boolean send(ByteBuffer packet, InetSocketAddress target) {
            // The contract: position to limit is the packet, and the position is left as it was.
            sends++;
            bytesSent += packet.remaining();
            lastTarget = target;
            return true;
        }
    }

    /**
     * A non-blocking JDK datagram channel bound like {@code NioMediaLoop.open} does, whose
     * {@link #send} is {@code NioMediaSocket.send}'s: {@code channel.send(packet, target)} with the
     * position restored. So a benchmark through it sees what the JDK socket layer costs and allocates.
     */
    static final class JdkSocket extends BenchSocket {
        private final DatagramChannel channel;
        private final InetSocketAddress local;

        JdkSocket(InlineMediaLoop loop, InetSocketAddress bindTo, PacketHandler handler) throws IOException {
            super(loop, handler);
            channel = DatagramChannel.open(bindTo.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            try {
                channel.configureBlocking(false);
                channel.bind(bindTo);
                local = (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public boolean send(ByteBuffer packet, InetSocketAddress target) {
            int position = packet.position();
            try {
                int n = channel.send(packet, target);
                if (n > 0) {
                    sends++;
                    bytesSent += n;
                    lastTarget = target;
                    return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            } finally {
                packet.position(position);
            }
        }

        @Override
        public void close() {
            super.close();
            try {
                channel.close();
            } catch (IOException e) {
                // closing a benchmark socket: nothing to do about it
            }
        }
    }
}

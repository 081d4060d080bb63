package org.ngrelay.bench.jmh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.net.PacketHandler;
import org.ngrelay.core.sdp.SdpException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet relay step of a real two-party call (classify → latch check → counters → hand to
 * the peer socket): {@code PacketStream.onPacket} of the caller's RTP socket, called with a
 * 172-byte PCMU packet from the latched source, as {@code NioMediaLoop} calls it after a receive.
 * The call is set up through the production {@code CallManager} (offer, answer); only the media
 * loop is the benchmark's own ({@link InlineMediaLoop}).
 *
 * <ul>
 *   <li>{@link #relayStep}: the peer socket counts the send instead of making a syscall, so this is
 *       ngrelay's own per-packet code; target 0 B/op.</li>
 *   <li>{@link #relayStepToRealSocket}: the peer socket is a real non-blocking JDK
 *       {@code DatagramChannel} sending as {@code NioMediaLoop}'s sockets do, to a loopback socket
 *       that is drained before every invocation (outside the timed part, so the number is the relay
 *       step plus one {@code sendto} and what the JDK socket layer allocates).</li>
 * </ul>
 * Each iteration's teardown checks that the peer socket's send count advanced by exactly the packets
 * the caller's stream counted, to the callee's endpoint, with no error; otherwise it throws.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RelayStepBenchmark {

    /** State common to both variants: the call, its caller-side handler, the packet and its source. */
    abstract static class RelayState {
        BenchCall call;
        PacketHandler callerRtp;
        ByteBuffer packet;
        InetSocketAddress source;
        long nowNs;
        private long sendsBefore;
        private long packetsBefore;

        /** Builds the call, relays one packet (which latches the source) and checks it was relayed. */
        void establish(BenchCall newCall, InetSocketAddress callerSource, boolean directBuffer) {
            call = newCall;
            callerRtp = call.callerRtpHandler();
            packet = BenchCall.pcmuPacket(directBuffer);
            // One object for the whole run: the JDK hands the loop the same cached source
            // InetSocketAddress while the sender does not change (DatagramChannelImpl.receive).
            source = callerSource;
            nowNs = System.nanoTime();
            sendsBefore = call.calleeSide.sends;
            packetsBefore = call.callerRtpStream().packets();
            callerRtp.onPacket(packet, source, nowNs);
            afterPacket();
            check("first packet");
        }

        /** Called after each packet the fixture itself sends (the real variant drains there). */
        void afterPacket() {
        }

        @Setup(Level.Iteration)
        public void clock() {
            // The loop reads the clock once per wake-up; one reading per iteration is enough here.
            nowNs = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void verify() {
            check("iteration");
        }

        void check(String when) {
            drainAll();
            CallSnapshot.Stream caller = call.callerRtpStream();
            long sent = call.calleeSide.sends - sendsBefore;
            long counted = caller.packets() - packetsBefore;
            String state = when + ": peer socket sends +" + sent + ", caller stream packets +" + counted
                    + ", errors " + caller.errors() + ", last target " + call.calleeSide.lastTarget
                    + " (callee " + call.calleeEndpoint + "), caller-side socket sends " + call.callerSide.sends
                    + ", drained " + drained();
            if (sent <= 0 || sent != counted || caller.errors() != 0 || !call.calleeEndpoint.equals(call.calleeSide.lastTarget)
                    || call.callerSide.sends != 0 || packet.position() != 0 || packet.limit() != 172
                    || (drained() >= 0 && drained() != call.calleeSide.sends)) {
                throw new IllegalStateException("THE RELAY STOPPED RELAYING: " + state);
            }
            if (!source.equals(caller.endpoint())) {
                throw new IllegalStateException("the caller's source was not latched: " + caller.endpoint() + " vs " + source);
            }
            sendsBefore = call.calleeSide.sends;
            packetsBefore = caller.packets();
        }

        /** Packets the callee's socket received so far, or -1 when there is no real callee socket. */
        long drained() {
            return -1;
        }

        void drainAll() {
        }

        @TearDown(Level.Trial)
        public void close() {
            if (call != null) {
                call.close();
            }
        }
    }

    /** The peer socket only counts: no syscall on the measured path. */
    @State(Scope.Thread)
    public static class CountingCall extends RelayState {
        @Setup(Level.Trial)
        public void setUp() throws SdpException {
            InetSocketAddress caller = new InetSocketAddress(KamailioOffer.CALLER_IP, KamailioOffer.CALLER_RTP_PORT);
            InetSocketAddress callee = new InetSocketAddress("198.51.100.20", 7078);
            establish(BenchCall.establish(InlineMediaLoop.counting(), "203.0.113.7", 30000, 30099,
                    caller.getAddress().getHostAddress(), caller.getPort(), callee), caller, true);
        }
    }

    /**
     * Real sockets on 127.0.0.1: ngrelay's call sockets are bound in 21000-21099 (below the
     * ephemeral range, away from a daemon's default 30000-40000), the callee is a drained socket.
     */
    @State(Scope.Thread)
    public static class RealSocketCall extends RelayState {
        private DatagramChannel callee;
        private final ByteBuffer drainBuffer = ByteBuffer.allocateDirect(2048);
        private long received;

        @Setup(Level.Trial)
        public void setUp() throws IOException, SdpException {
            callee = DatagramChannel.open();
            callee.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            callee.bind(new InetSocketAddress("127.0.0.1", 0));
            callee.configureBlocking(false);
            InetSocketAddress calleeAddress = (InetSocketAddress) callee.getLocalAddress();
            // The caller never gets a packet back in this benchmark; its address only needs to be real.
            InetSocketAddress caller = new InetSocketAddress("127.0.0.1", 21999);
            establish(BenchCall.establish(InlineMediaLoop.jdk(), "127.0.0.1", 21000, 21099,
                    "127.0.0.1", caller.getPort(), calleeAddress), caller, true);
        }

        @Override
        void afterPacket() {
            drainOne();
        }

        /** Empties the callee's queue before each invocation (loopback delivers inside the sendto). */
        @Setup(Level.Invocation)
        public void drainOne() {
            drainBuffer.clear();
            try {
                if (callee.receive(drainBuffer) != null) {
                    received++;
                    if (drainBuffer.position() != 172) {
                        throw new IllegalStateException("callee got " + drainBuffer.position() + " bytes, not 172");
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("draining the callee socket failed", e);
            }
        }

        @Override
        void drainAll() {
            if (callee == null) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (received < call.calleeSide.sends && System.nanoTime() < deadline) {
                drainOne();
            }
        }

        @Override
        long drained() {
            return received;
        }

        @Override
        public void close() {
            super.close();
            try {
                if (callee != null) {
                    callee.close();
                }
            } catch (IOException e) {
                // end of the benchmark
            }
        }
    }

    @Benchmark
    public void relayStep(CountingCall s) {
        s.callerRtp.onPacket(s.packet, s.source, s.nowNs);
    }

    @Benchmark
    public void relayStepToRealSocket(RealSocketCall s) {
        s.callerRtp.onPacket(s.packet, s.source, s.nowNs);
    }
}

package org.ngrelay.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The source check and latch stage alone, on a hand-made clock; its egress must follow every endpoint change. */
class SourceLatchTest {

    private static final long S = 1_000_000_000L;
    private static final InetSocketAddress SDP = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress NAT = new InetSocketAddress("198.51.100.7", 61000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("203.0.113.9", 5000);

    private final RecordingEgress egress = new RecordingEgress();
    private final SourceLatch latch = new SourceLatch(egress.stage);

    /** An egress whose socket notes where each packet went. */
    static final class RecordingEgress {
        final Egress stage = new Egress();
        InetSocketAddress lastTarget;

        RecordingEgress() {
            stage.socket(new org.ngrelay.core.net.MediaSocket() {
                @Override
                public InetSocketAddress localAddress() {
                    return new InetSocketAddress("127.0.0.1", 30000);
                }

                @Override
                public boolean send(ByteBuffer packet, InetSocketAddress target) {
                    lastTarget = target;
                    return true;
                }

                @Override
                public void handler(org.ngrelay.core.net.PacketHandler handler) {
                }

                @Override
                public void close() {
                }
            });
        }

        InetSocketAddress sendsTo() {
            lastTarget = null;
            stage.send(ByteBuffer.allocate(12));
            return lastTarget;
        }
    }

    private void expect(InetSocketAddress sdp, EndpointLearning learning, boolean strict, boolean handover, boolean asymmetric) {
        latch.expect(sdp, asymmetric, strict, handover, learning);
    }

    @Test
    void delayedLearningFollowsTheSourceFor3sThenStays() {
        expect(SDP, EndpointLearning.DELAYED, false, false, false);
        assertThat(egress.sendsTo()).as("before any packet: the SDP's address").isEqualTo(SDP);
        assertThat(latch.admit(NAT, 10 * S)).isTrue();
        assertThat(egress.sendsTo()).isEqualTo(NAT);
        assertThat(latch.confirmed(12 * S)).isFalse();
        assertThat(latch.admit(OTHER, 12 * S)).as("within 3 s a new source takes over").isTrue();
        assertThat(egress.sendsTo()).isEqualTo(OTHER);
        assertThat(latch.confirmed(13 * S)).isTrue();
        assertThat(latch.admit(NAT, 14 * S)).as("not strict: admitted, not learned").isTrue();
        assertThat(egress.sendsTo()).isEqualTo(OTHER);
        assertThat(latch.refused()).isZero();
    }

    @Test
    void strictSourceRefusesOthersOnceFixed() {
        expect(SDP, EndpointLearning.IMMEDIATE, true, false, false);
        assertThat(latch.admit(NAT, S)).isTrue();
        assertThat(latch.confirmed(S)).as("immediate: fixed at once").isTrue();
        assertThat(latch.admit(OTHER, 2 * S)).isFalse();
        assertThat(latch.refused()).isEqualTo(1);
        assertThat(egress.sendsTo()).isEqualTo(NAT);
    }

    @Test
    void offNeverLearnsAndStrictChecksTheSdpAddress() {
        expect(SDP, EndpointLearning.OFF, true, false, false);
        assertThat(latch.admit(NAT, S)).isFalse();
        assertThat(latch.admit(SDP, S)).isTrue();
        assertThat(latch.latched()).isFalse();
        assertThat(egress.sendsTo()).isEqualTo(SDP);
    }

    @Test
    void heuristicPrefersTheSourceThatMatchesTheSdp() {
        expect(SDP, EndpointLearning.HEURISTIC, false, false, false);
        latch.admit(new InetSocketAddress("192.0.2.10", 4999), S); // the SDP's address, another port: rank 2
        latch.admit(OTHER, S + 1); // rank 0: does not replace it
        assertThat(egress.sendsTo()).isEqualTo(new InetSocketAddress("192.0.2.10", 4999));
        latch.admit(SDP, S + 2); // rank 3
        assertThat(egress.sendsTo()).isEqualTo(SDP);
    }

    @Test
    void mediaHandoverAndAsymmetric() {
        expect(SDP, EndpointLearning.IMMEDIATE, true, true, false);
        latch.admit(NAT, S);
        assertThat(latch.admit(OTHER, 10 * S)).as("handover: the newest sender wins, strict or not").isTrue();
        assertThat(egress.sendsTo()).isEqualTo(OTHER);
        SourceLatch asym = new SourceLatch(new Egress());
        asym.expect(SDP, true, true, false, EndpointLearning.DELAYED);
        assertThat(asym.admit(NAT, S)).isTrue();
        assertThat(asym.endpoint()).as("asymmetric: always the SDP's address").isEqualTo(SDP);
    }

    @Test
    void holdKeepsWhatWasLearnedAndANewSdpAddressRestartsLearning() {
        expect(SDP, EndpointLearning.DELAYED, false, false, false);
        latch.admit(NAT, S);
        expect(null, EndpointLearning.DELAYED, false, false, false);
        assertThat(egress.sendsTo()).as("hold: still where the media came from").isEqualTo(NAT);
        InetSocketAddress moved = new InetSocketAddress("192.0.2.11", 4100);
        expect(moved, EndpointLearning.DELAYED, false, false, false);
        assertThat(latch.latched()).isFalse();
        assertThat(egress.sendsTo()).isEqualTo(moved);
        SourceLatch fresh = new SourceLatch(new Egress());
        fresh.expect(null, false, false, false, EndpointLearning.DELAYED);
        assertThat(fresh.endpoint()).as("hold before any packet: nowhere to send").isNull();
    }
}

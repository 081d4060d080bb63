package org.ngrelay.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.core.relay.PacketKind;
import org.ngrelay.core.testing.RtpPackets;

/** The count, record and send stages alone, each with its counters. */
class StagesTest {

    @Test
    void theCounterReadsRtpAndRtcpHeadersInPlace() {
        StreamCounter c = new StreamCounter();
        ByteBuffer rtp = ByteBuffer.wrap(RtpPackets.rtp(8, 7, 160, 0xcafebabeL, 160));
        c.count(rtp, PacketKind.RTP, 5);
        assertThat(rtp.position()).isZero();
        assertThat(c.packets()).isEqualTo(1);
        assertThat(c.bytes()).isEqualTo(172);
        assertThat(c.rtpSsrc()).isEqualTo(0xcafebabeL);
        assertThat(c.payloadType()).isEqualTo(8);
        assertThat(c.lastPacketNs()).isEqualTo(5);
        assertThat(c.rtcpSsrc()).isEqualTo(-1);
        c.count(ByteBuffer.wrap(RtpPackets.rtcpReceiverReport(0x12345678L)), PacketKind.RTCP, 6);
        assertThat(c.rtcpSsrc()).isEqualTo(0x12345678L);
        c.count(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 201, 0, 1}), PacketKind.RTCP, 7);
        assertThat(c.rtcpSsrc()).as("a truncated RTCP packet has no SSRC to read").isEqualTo(0x12345678L);
        c.drop();
        c.error();
        assertThat(c.errors()).isEqualTo(2);
        assertThat(c.dropped()).isEqualTo(1);
        assertThat(c.packets()).isEqualTo(3);
    }

    @Test
    void theRecordTapCopiesOnlyWhileItHasASession() {
        List<Integer> seen = new ArrayList<>();
        RecordingSession session = new RecordingSession() {
            @Override
            public void packet(ByteBuffer packet, InetSocketAddress source, InetSocketAddress destination, long epochUs) {
                seen.add(packet.remaining());
            }

            @Override
            public void sdp(String mode, String sdp, long epochUs) {
            }

            @Override
            public void metadata(String metadata) {
            }

            @Override
            public String pcapPath() {
                return "/dev/null";
            }

            @Override
            public RecordingStats stats() {
                return null;
            }

            @Override
            public CompletableFuture<RecordingStats> stop(long terminatedEpochUs) {
                return CompletableFuture.completedFuture(null);
            }
        };
        RecordTap tap = new RecordTap();
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        tap.tap(ByteBuffer.allocate(20), a, a, 0);
        tap.session(session);
        tap.tap(ByteBuffer.allocate(30), a, a, 0);
        tap.session(null);
        tap.tap(ByteBuffer.allocate(40), a, a, 0);
        assertThat(seen).containsExactly(30);
        assertThat(tap.recorded()).isEqualTo(1);
    }

    @Test
    void theEgressCountsSendsAndRefusals() {
        SourceLatchTest.RecordingEgress e = new SourceLatchTest.RecordingEgress();
        assertThat(e.stage.send(ByteBuffer.allocate(12))).as("nowhere to send yet: not a failure").isTrue();
        assertThat(e.stage.sent()).isZero();
        SourceLatch latch = new SourceLatch(e.stage);
        latch.expect(new InetSocketAddress("192.0.2.1", 9), false, false, false, EndpointLearning.DELAYED);
        assertThat(e.stage.send(ByteBuffer.allocate(12))).isTrue();
        assertThat(e.lastTarget).isEqualTo(new InetSocketAddress("192.0.2.1", 9));
        assertThat(e.stage.sent()).isEqualTo(1);
        Egress refusing = new Egress();
        new SourceLatch(refusing).expect(new InetSocketAddress("192.0.2.1", 9), false, false, false, EndpointLearning.DELAYED);
        refusing.socket(new org.ngrelay.core.net.MediaSocket() {
            @Override
            public InetSocketAddress localAddress() {
                return null;
            }

            @Override
            public boolean send(ByteBuffer packet, InetSocketAddress target) {
                return false;
            }

            @Override
            public void handler(org.ngrelay.core.net.PacketHandler handler) {
            }

            @Override
            public void close() {
            }
        });
        assertThat(refusing.send(ByteBuffer.allocate(12))).isFalse();
        assertThat(refusing.failed()).isEqualTo(1);
    }
}

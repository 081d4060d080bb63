package org.ngrelay.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.ngrelay.core.testing.RtpPackets;

class PacketKindTest {

    @Test
    void classifiesByFirstByteAndRtcpByPacketType() {
        assertThat(PacketKind.classify(ByteBuffer.wrap(RtpPackets.rtp(0, 1, 2, 3, 160)))).isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.classify(ByteBuffer.wrap(RtpPackets.rtp(96 | 0x80, 1, 2, 3, 160)))).as("marker bit + PT 96").isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.classify(ByteBuffer.wrap(RtpPackets.rtcpReceiverReport(3)))).isEqualTo(PacketKind.RTCP);
        assertThat(PacketKind.classify(ByteBuffer.wrap(new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xa4, 0x42}))).isEqualTo(PacketKind.STUN);
        assertThat(PacketKind.classify(ByteBuffer.wrap(new byte[] {22, (byte) 0xfe, (byte) 0xfd, 0}))).isEqualTo(PacketKind.DTLS);
        assertThat(PacketKind.classify(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0, 1}))).as("too short for RTP").isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.classify(ByteBuffer.wrap(new byte[] {'h', 'i'}))).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.classify(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 200, 0, 6, 0x11})))
                .as("a truncated SR is still RTCP: the quality stage counts it, the relay passes it on").isEqualTo(PacketKind.RTCP);
        ByteBuffer offset = ByteBuffer.wrap(new byte[20]);
        offset.position(8).put(8, (byte) 0x80).put(9, (byte) 200);
        assertThat(PacketKind.classify(offset)).as("reads from position (offset 0 would be STUN)").isEqualTo(PacketKind.RTCP);
        assertThat(Rtp.ssrc(ByteBuffer.wrap(RtpPackets.rtp(0, 7, 9, 0xcafebabeL, 0)), 0)).isEqualTo(0xcafebabeL);
        assertThat(Rtp.sequence(ByteBuffer.wrap(RtpPackets.rtp(0, 65535, 9, 1, 0)), 0)).isEqualTo(65535);
    }
}

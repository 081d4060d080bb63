package org.ngrelay.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walking compound RTCP in place: what each packet type yields, and every fault rtpengine rejects. */
class RtcpTest {

    /** Records each callback as a line. */
    private static final class Recorder implements RtcpListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void senderReport(long ssrc, long ntpMiddle) {
            events.add("SR " + Long.toHexString(ssrc) + " " + Long.toHexString(ntpMiddle));
        }

        @Override
        public void reportBlock(long from, long about, int fractionLost, long cumulativeLost, long jitter, long lsr, long dlsr) {
            events.add("RB " + Long.toHexString(from) + ">" + Long.toHexString(about) + " " + fractionLost + " " + cumulativeLost
                    + " " + jitter + " " + Long.toHexString(lsr) + " " + dlsr);
        }

        @Override
        public void referenceTime(long from, long ntpMiddle) {
            events.add("RRT " + Long.toHexString(from) + " " + Long.toHexString(ntpMiddle));
        }

        @Override
        public void dlrr(long from, long about, long lrr, long dlrr) {
            events.add("DLRR " + Long.toHexString(from) + ">" + Long.toHexString(about) + " " + Long.toHexString(lrr) + " " + dlrr);
        }

        @Override
        public void voipMetrics(long from, long about, int roundTripMs) {
            events.add("VM " + Long.toHexString(from) + ">" + Long.toHexString(about) + " " + roundTripMs);
        }
    }

    private static byte[] block(long about, int fraction, int lost, long jitter, long lsr, long dlsr) {
        return ByteBuffer.allocate(24).putInt((int) about).putInt(fraction << 24 | lost).putInt(99).putInt((int) jitter)
                .putInt((int) lsr).putInt((int) dlsr).array();
    }

    private static ByteBuffer packets(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n + 4);
        b.position(4); // not at offset 0: the walk reads from the buffer's position
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.position(4);
    }

    private static byte[] header(int first, int type, int bodyBytes, long ssrc) {
        return ByteBuffer.allocate(8).put((byte) first).put((byte) type).putShort((short) ((8 + bodyBytes) / 4 - 1)).putInt((int) ssrc).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static int walk(ByteBuffer b, Recorder r) {
        return Rtcp.walk(b, b.position(), b.remaining(), r);
    }

    @Test
    void compoundSrWithBlocksSdesAndRr() {
        byte[] senderInfo = ByteBuffer.allocate(20).putInt(0xe0001234).putInt(0x56780000).putInt(8000).putInt(47).putInt(7520).array();
        byte[] sr = concat(header(0x82, 200, 20 + 48, 0x11111111L), senderInfo,
                block(0x22222222L, 25, 3, 80, 0x12345678L, 6554), block(0x33333333L, 0, 0x7fffff, 1, 0, 0));
        byte[] sdes = concat(header(0x81, 202, 4, 0x11111111L), new byte[] {1, 1, 'x', 0});
        byte[] rr = concat(header(0x81, 201, 24, 0x44444444L), block(0x11111111L, 255, 1, 160, 0xabcdef01L, 1));
        Recorder r = new Recorder();
        assertThat(walk(packets(sr, sdes, rr), r)).isEqualTo(Rtcp.OK);
        assertThat(r.events).containsExactly("SR 11111111 12345678", "RB 11111111>22222222 25 3 80 12345678 6554",
                "RB 11111111>33333333 0 8388607 1 0 0", "RB 44444444>11111111 255 1 160 abcdef01 1");
    }

    @Test
    void extendedReportBlocks() {
        byte[] rrt = ByteBuffer.allocate(12).put((byte) 4).put((byte) 0).putShort((short) 2).putInt(0xe0005678).putInt(0x12340000).array();
        byte[] dlrr = ByteBuffer.allocate(28).put((byte) 5).put((byte) 0).putShort((short) 6)
                .putInt(0x22222222).putInt(0x56781234).putInt(6554).putInt(0x33333333).putInt(1).putInt(2).array();
        byte[] vm = ByteBuffer.allocate(36).put((byte) 7).put((byte) 0).putShort((short) 8).putInt(0x22222222)
                .putInt(0).putShort((short) 0).putShort((short) 0).putShort((short) 150).putShort((short) 0).put(new byte[16]).array();
        byte[] unknown = ByteBuffer.allocate(8).put((byte) 6).put((byte) 0).putShort((short) 1).putInt(0).array();
        byte[] xr = concat(header(0x80, 207, 84, 0x11111111L), rrt, dlrr, unknown, vm);
        Recorder r = new Recorder();
        assertThat(walk(packets(xr), r)).isEqualTo(Rtcp.OK);
        assertThat(r.events).containsExactly("RRT 11111111 56781234", "DLRR 11111111>22222222 56781234 6554",
                "DLRR 11111111>33333333 1 2", "VM 11111111>22222222 150");
    }

    @Test
    void faultsRtpengineRejectsStopTheWalkAfterWhatCameBefore() {
        byte[] good = concat(header(0x81, 201, 24, 0x44444444L), block(0x11111111L, 1, 1, 1, 1, 1));
        assertThat(walk(packets(new byte[] {(byte) 0x80, (byte) 0xc8, 0, 6, 0x11}), new Recorder())).isEqualTo(Rtcp.SHORT_HEADER);
        assertThat(walk(packets(concat(new byte[] {(byte) 0x80, (byte) 0xc9, 0, 0x40}, new byte[20])), new Recorder())).isEqualTo(Rtcp.BAD_LENGTH);
        assertThat(walk(packets(new byte[] {(byte) 0x81, (byte) 0xc9, 0, 1, 0x12, 0x34, 0x56, 0x78}), new Recorder())).isEqualTo(Rtcp.SHORT_BODY);
        assertThat(walk(packets(new byte[] {(byte) 0x80, (byte) 0xcc, 0, 1, 'a', 'b', 'c', 'd'}), new Recorder()))
                .as("APP shorter than its name").isEqualTo(Rtcp.SHORT_BODY);
        Recorder r = new Recorder();
        assertThat(walk(packets(good, new byte[] {0x40, (byte) 0xc8, 0, 1, 0, 0, 0, 0}), r)).isEqualTo(Rtcp.BAD_VERSION);
        assertThat(r.events).as("the RR before the bad packet was read").hasSize(1);
        assertThat(walk(packets(good, new byte[] {(byte) 0x80, (byte) 0xc9, 0}), new Recorder())).as("trailing bytes").isEqualTo(Rtcp.SHORT_HEADER);
        byte[] badXrBlock = concat(header(0x80, 207, 4, 1), new byte[] {7, 0, 0, 9});
        assertThat(walk(packets(badXrBlock), new Recorder())).isEqualTo(Rtcp.BAD_LENGTH);
        assertThat(Rtcp.reason(Rtcp.BAD_VERSION)).isEqualTo("invalid header version");
    }
}

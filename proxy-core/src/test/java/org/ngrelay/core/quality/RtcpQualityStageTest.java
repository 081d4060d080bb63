package org.ngrelay.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality stage alone, on a hand-made clock: two parties' tables, one stage per party (what
 * {@code CallMedia} gives it), packets built in place. Each case is one of rtpengine 10.5's rules.
 */
class RtcpQualityStageTest {

    private static final long A = 0xaaaaL;
    private static final long B = 0xbbbbL;
    private static final long S = 1_000_000_000L;

    /** One party: its table, the peer's, what it is sent (SSRC and payload type), its SDP's clock rates. */
    private static final class Party implements QualityParty {
        final SsrcTable table = new SsrcTable();
        Party peer;
        long sentSsrc;
        int sentPayloadType;
        final Map<Integer, Integer> clockRates = new LinkedHashMap<>();
        final QualitySamples samples;
        MosMode mode = MosMode.CQ;

        Party(QualitySamples samples) {
            this.samples = samples;
            clockRates.put(0, 8000);
        }

        @Override
        public SsrcTable ssrcs() {
            return table;
        }

        @Override
        public SsrcTable oppositeSsrcs() {
            return peer.table;
        }

        @Override
        public int payloadTypeTowards(long ssrc) {
            return ssrc == sentSsrc ? sentPayloadType : -1;
        }

        @Override
        public int clockRate(int payloadType) {
            return clockRates.getOrDefault(payloadType, -1);
        }

        @Override
        public QualitySamples samples() {
            return samples;
        }

        @Override
        public MosMode mosMode() {
            return mode;
        }

        @Override
        public long epochSec(long nowNs) {
            return nowNs / S;
        }

        @Override
        public String logPrefix() {
            return "[test]";
        }
    }

    private final QualitySamples samples = new QualitySamples();
    private final Party a = new Party(samples);
    private final Party b = new Party(samples);
    private final RtcpQuality fromA = new RtcpQuality(a);
    private final RtcpQuality fromB = new RtcpQuality(b);

    RtcpQualityStageTest() {
        a.peer = b;
        b.peer = a;
        a.sentSsrc = B; // RTP from B reaches A, and the other way round
        b.sentSsrc = A;
    }

    private static ByteBuffer sr(long ssrc, int ntpMsw) {
        return ByteBuffer.allocate(28).put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc)
                .putInt(ntpMsw).putInt(0).putInt(0).putInt(0).putInt(0).flip();
    }

    private static ByteBuffer rr(long from, long about, int fraction, int lost, int jitter, long lsr, long dlsr) {
        return ByteBuffer.allocate(32).put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt((int) from)
                .putInt((int) about).putInt(fraction << 24 | lost).putInt(0).putInt(jitter).putInt((int) lsr).putInt((int) dlsr).flip();
    }

    /** LSR of an SR whose NTP seconds were {@code msw} (fraction 0). */
    private static long lsr(int msw) {
        return ((long) msw << 16) & 0xffffffffL;
    }

    private static final long DLSR_100MS = 6554;

    private SsrcReport report(Party p, long ssrc) {
        Map<Long, SsrcReport> out = new LinkedHashMap<>();
        p.table.reports(out);
        return out.get(ssrc);
    }

    /** Both send an SR at {@code t}, A reports 0.2 s later, B 0.25 s later: legs 100 and 150 ms. */
    private void round(long t, int fraction) {
        fromB.read(sr(B, 0x1000), t);
        fromA.read(sr(A, 0x2000), t);
        fromA.read(rr(A, B, fraction, 3, 80, lsr(0x1000), DLSR_100MS), t + 200_000_000L);
        fromB.read(rr(B, A, fraction, 1, 160, lsr(0x2000), DLSR_100MS), t + 250_000_000L);
    }

    @Test
    void legsAddUpEndToEndOnceBothAreKnown() {
        round(10 * S, 25);
        round(12 * S, 25);
        SsrcReport ra = report(a, A);
        assertThat(ra.progression()).hasSize(2);
        assertThat(ra.progression().get(0).mos()).as("B's leg unknown yet").isZero();
        assertThat(ra.progression().get(0).rttLegUs()).isCloseTo(100_000L, org.assertj.core.api.Assertions.within(10L));
        assertThat(ra.progression().get(1).rttUs()).isCloseTo(250_000L, org.assertj.core.api.Assertions.within(20L));
        assertThat(ra.samples()).isEqualTo(1);
        assertThat(ra.cumulativeLoss()).isEqualTo(3);
        assertThat(ra.average().jitterMs()).isEqualTo(10);
        assertThat(ra.average().lossPercent()).isEqualTo(9);
        SsrcReport rb = report(b, B);
        assertThat(rb.progression()).extracting(SsrcReport.Figures::mos).doesNotContain(0);
        assertThat(rb.average().jitterMs()).isEqualTo(20);
        QualityTotals t = samples.snapshot();
        assertThat(t.mos().count()).isEqualTo(3);
        assertThat(t.jitterMs().count()).as("every report used is sampled").isEqualTo(4);
        assertThat(t.rttE2eUs().count()).isEqualTo(4);
    }

    @Test
    void reportsRtpengineDiscards() {
        fromB.read(sr(B, 0x1000), S);
        // LSR 0: no SR named, no payload type: discarded
        fromA.read(rr(A, B, 1, 1, 1, 0, 0), 2 * S);
        // about an SSRC ngrelay does not send to A
        fromA.read(rr(A, 0xcccc, 1, 1, 1, lsr(0x1000), DLSR_100MS), 3 * S);
        // a payload type A's SDP does not list
        a.sentPayloadType = 96;
        fromA.read(rr(A, B, 1, 1, 1, lsr(0x1000), DLSR_100MS), 4 * S);
        assertThat(samples.snapshot().jitterMs().count()).isZero();
        assertThat(report(a, A)).isNull();
    }

    @Test
    void aReportNamingNoSrHasNoLegAndAnRttOver10sIsDropped() {
        round(10 * S, 25);
        a.mode = MosMode.LQ;
        // LSR names no SR: leg 0, but B's leg is known, so end to end is B's leg alone
        fromA.read(rr(A, B, 0, 0, 8, 0x12345678L, 100), 12 * S);
        // an SR 11 s before the report: invalid RTT, leg 0
        fromB.read(sr(B, 0x3000), 13 * S);
        fromA.read(rr(A, B, 0, 0, 8, lsr(0x3000), 1), 24 * S);
        SsrcReport ra = report(a, A);
        assertThat(ra.progression()).extracting(SsrcReport.Figures::rttLegUs).containsExactly(
                ra.progression().get(0).rttLegUs(), 0L, 0L);
        assertThat(ra.progression().get(1).rttUs()).isCloseTo(150_000L, org.assertj.core.api.Assertions.within(20L));
        assertThat(ra.intervalSec()).as("a tenth of 14 s").isEqualTo(1);
    }

    @Test
    void atMostOneBlockASecondButEveryReportIsSampled() {
        round(10 * S, 25);
        fromA.read(rr(A, B, 0, 0, 8, lsr(0x1000), DLSR_100MS), 10 * S + 900_000_000L);
        assertThat(report(b, B).progression()).hasSize(1);
        assertThat(a.table.find(A).blocks).as("0.2 s and 0.9 s after the SR: the second is not kept").hasSize(1);
        assertThat(samples.snapshot().jitterMs().count()).isEqualTo(3);
    }

    @Test
    void xrRoundTripDelayAboutTheReporterIsItsEndToEndRtt() {
        round(10 * S, 0);
        // an XR from B about A (its own view of A's delay) sits in B's table under A; one A sends about itself sits under A
        ByteBuffer xr = ByteBuffer.allocate(44).put((byte) 0x80).put((byte) 207).putShort((short) 10).putInt((int) A)
                .put((byte) 7).put((byte) 0).putShort((short) 8).putInt((int) A).putInt(0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 42).putShort((short) 0).put(new byte[16]).flip();
        fromA.read(xr, 11 * S);
        fromA.read(rr(A, B, 0, 0, 8, lsr(0x1000), DLSR_100MS), 12 * S);
        SsrcReport ra = report(a, A);
        assertThat(ra.progression().get(ra.progression().size() - 1).rttUs()).isEqualTo(42_000L);
    }

    @Test
    void aPartyKeepsAtMostTwentySsrcs() {
        for (int i = 0; i < 25; i++) {
            a.table.get(1000 + i, i);
        }
        assertThat(a.table.find(1000)).as("least recently used, evicted").isNull();
        assertThat(a.table.find(1024)).isNotNull();
        int kept = 0;
        for (int i = 0; i < 25; i++) {
            kept += a.table.find(1000 + i) == null ? 0 : 1;
        }
        assertThat(kept).isEqualTo(SsrcTable.MAX_ENTRIES);
    }
}

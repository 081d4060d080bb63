package org.ngrelay.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rtpengine 10.5's MOS for the figures it was observed with (golden/rtpengine-10.5/rtcp-quality/). */
class MosTest {

    @Test
    void conversationalQualityMatchesTheObservedFigures() {
        // RTT 200.7 ms, jitter 10 ms, 9 % lost → 3.0; jitter 20 ms, 4 % → 3.6; RTT 300.5 ms, jitter 2 ms, 0 % → 3.7
        assertThat(Mos.tenths(MosMode.CQ, 200_673, 10, 9)).isEqualTo(30);
        assertThat(Mos.tenths(MosMode.CQ, 200_652, 20, 4)).isEqualTo(36);
        assertThat(Mos.tenths(MosMode.CQ, 300_516, 2, 0)).isEqualTo(37);
        // 2.5 s RTT: R below 0 gives the floor, 1.0
        assertThat(Mos.tenths(MosMode.CQ, 2_501_745, 5, 1)).isEqualTo(10);
        // no end-to-end RTT yet: no MOS
        assertThat(Mos.tenths(MosMode.CQ, 0, 10, 9)).isZero();
    }

    @Test
    void listeningQualityNeedsNoRttButUsesOneItHas() {
        // observed under --mos=LQ: RTT 0, jitter 30 ms, 19 % → 2.2; RTT 0, jitter 2 ms, 0 % → 4.4
        assertThat(Mos.tenths(MosMode.LQ, 0, 30, 19)).isEqualTo(22);
        assertThat(Mos.tenths(MosMode.LQ, 0, 2, 0)).isEqualTo(44);
        // and with a 2.5 s RTT it is 1.0 as under CQ
        assertThat(Mos.tenths(MosMode.LQ, 2_501_869, 30, 19)).isEqualTo(10);
    }

    @Test
    void theEffectiveLatencyBendsAt160Ms() {
        // e = 149 + 0 + 10 = 159 (first slope) vs e = 150 + 0 + 10 = 160 (second): R 89.225 vs 89.2
        assertThat(Mos.tenths(MosMode.CQ, 149_000, 0, 0)).isEqualTo(Mos.tenths(MosMode.CQ, 150_000, 0, 0));
        assertThat(Mos.tenths(MosMode.CQ, 1_000, 0, 0)).isEqualTo(44);
        assertThat(Mos.tenths(MosMode.CQ, 1_000, 0, 40)).as("R falls by 100: floor").isEqualTo(10);
    }

    @Test
    void modesParseAsRtpengineSpellsThem() {
        assertThat(MosMode.parse("CQ")).isEqualTo(MosMode.CQ);
        assertThat(MosMode.parse("lq")).isEqualTo(MosMode.LQ);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MosMode.parse("MQ")).hasMessageContaining("CQ or LQ");
    }
}

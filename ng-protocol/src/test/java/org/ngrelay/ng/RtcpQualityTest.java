package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.RtcpScenario;

/**
 * Call quality from RTCP through a real relay and real sockets, against the figures rtpengine
 * 10.5 gave for the same packets ({@code golden/rtpengine-10.5/rtcp-quality/rtpengine-10.5-output.txt};
 * {@link RtcpQualityDifferentialTest} runs 10.5 itself side by side).
 */
@Timeout(60)
class RtcpQualityTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> ssrc) {
        return (List<Map<String, Object>>) map(ssrc, "MOS progression").get("entries");
    }

    @Test
    void receiverReportsGiveRtpengines10_5Figures() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(12200, 12299); NgClient ng = relay.client()) {
            Object ssrcs = RtcpScenario.receiverReports(List.of(ng), "rq-1").get(0);
            // keyed by the reporting SSRC: the caller reported on the callee's stream and the other way round
            assertThat(List.copyOf(((Map<?, ?>) ssrcs).keySet())).isEqualTo(List.of("286331153", "572662306"));
            Map<String, Object> caller = map(ssrcs, "286331153");
            Map<String, Object> callee = map(ssrcs, "572662306");
            assertThat(caller).containsEntry("cumulative loss", 3L);
            assertThat(callee).containsEntry("cumulative loss", 1L);
            // caller: its first report came before the callee's leg was known: MOS 0, not a sample
            assertThat(map(caller, "average MOS")).containsEntry("MOS", 30L).containsEntry("jitter", 10L)
                    .containsEntry("packet loss", 9L).containsEntry("samples", 1L);
            assertThat(entries(caller)).hasSize(2);
            assertThat(entries(caller).get(0)).containsEntry("MOS", 0L).containsEntry("round-trip time", 0L);
            assertThat((Long) entries(caller).get(0).get("round-trip time leg")).isCloseTo(99_000L, within(5_000L));
            assertThat((Long) entries(caller).get(1).get("round-trip time")).isCloseTo(198_000L, within(5_000L));
            assertThat(map(caller, "lowest MOS")).containsEntry("MOS", 30L).containsKey("reported at");
            assertThat(map(caller, "highest MOS")).containsEntry("MOS", 30L);
            assertThat(map(caller, "MOS progression")).containsEntry("interval", 0L);
            assertThat(map(callee, "average MOS")).containsEntry("MOS", 36L).containsEntry("jitter", 20L)
                    .containsEntry("packet loss", 4L).containsEntry("samples", 2L);
            assertThat(entries(callee)).extracting(e -> e.get("MOS")).containsExactly(36L, 36L);

            Map<String, Object> deleted = ng.request(NgClient.dict("command", "delete", "call-id", "rq-1", "from-tag", "caller-tag"));
            assertThat(deleted.get("SSRC")).isEqualTo(ssrcs);
            Map<String, Object> mos = map(ng.request(NgClient.dict("command", "statistics")).get("statistics"), "mos");
            assertThat(mos).containsEntry("mos_total", "10.200000").containsEntry("mos2_total", "34.920000")
                    .containsEntry("mos_samples_total", 3L).containsEntry("mos_average", "3.400000").containsEntry("mos_stddev", "0.282843");
        }
    }

    @Test
    void listeningQualityNeedsNoRoundTripTime() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(12300, 12399); NgClient ng = relay.client()) {
            relay.calls().mosMode(MosMode.LQ);
            Object ssrcs = RtcpScenario.receiverReports(List.of(ng), "rq-lq").get(0);
            // the caller's first report has no end-to-end RTT: under LQ it still has a MOS (and is a sample)
            Map<String, Object> caller = map(ssrcs, "286331153");
            assertThat(entries(caller).get(0)).containsEntry("round-trip time", 0L).containsEntry("MOS", 35L);
            assertThat(map(caller, "average MOS")).containsEntry("samples", 2L);
        }
    }

    @Test
    void compoundPacketsAndReportsWithoutAMatchingSr() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(12400, 12499); NgClient ng = relay.client()) {
            Object ssrcs = RtcpScenario.compoundReports(List.of(ng), "rq-2").get(0);
            Map<String, Object> caller = map(ssrcs, Long.toString(RtcpScenario.CALLER));
            // the LSR-0 reports are discarded; the one naming no SR has no leg RTT but the callee's leg end to end
            assertThat(entries(caller)).hasSize(3);
            Map<String, Object> last = entries(caller).get(2);
            assertThat(last).containsEntry("round-trip time leg", 0L).containsEntry("jitter", 50L).containsEntry("packet loss", 39L);
            assertThat((Long) last.get("round-trip time")).isPositive();
            assertThat(caller).containsEntry("cumulative loss", 9L);
        }
    }

    @Test
    void brokenRtcpIsCountedAndRelayedAndTheCallGoesOn() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(12500, 12599); NgClient ng = relay.client()) {
            Map<String, Object> out = RtcpScenario.extendedAndBrokenReports(List.of(ng), "rq-3").get(0);
            // four are RTCP by their first byte and are relayed; the version-1 packet is not RTCP at all and is dropped
            assertThat(out).containsEntry("relayed", 4).containsEntry("rtcp errors", 5L);
            // the XR about the peer is not this party's own round-trip delay: the legs' sum stands (as in 10.5)
            Map<String, Object> callee = map(out.get("SSRC"), Long.toString(RtcpScenario.CALLEE));
            assertThat(map(callee, "average MOS")).containsEntry("MOS", 37L).containsEntry("jitter", 2L);
            assertThat(((Map<?, ?>) out.get("SSRC")).keySet()).isEqualTo(java.util.Set.of(Long.toString(RtcpScenario.CALLEE)));
        }
    }
}

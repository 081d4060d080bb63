package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;
import org.ngrelay.ng.stats.RequestKind;

/** {@code statistics}, the session limit and operator termination, over the real ng socket. */
@Timeout(30)
class OperationsTest {

    private InProcessRelay relay;
    private NgClient ng;

    @BeforeEach
    void start() throws InterruptedException {
        relay = InProcessRelay.withPorts(20000, 20099);
        ng = relay.client();
    }

    @AfterEach
    void stop() {
        ng.close();
        relay.close();
    }

    @Test
    void statisticsHasRtpenginesShapeAndCountsCallsPacketsAndRequests() {
        try (TwoPartyCall call = TwoPartyCall.establish(ng, "stats-1")) {
            for (int i = 0; i < 5; i++) {
                call.assertRtpBothWays();
            }
            Map<String, Object> live = statistics();
            assertThat(live).containsKeys("currentstatistics", "totalstatistics", "intervalstatistics", "mos",
                    "controlstatistics", "interfaces", "transcoders");
            assertThat(map(live, "currentstatistics")).containsEntry("sessionsown", 1L).containsEntry("sessionstotal", 1L)
                    .containsEntry("sessionsforeign", 0L).containsKeys("packetrate_user", "media_userspace", "media_mixed");
            // live calls' packets are in the totals at once, as in rtpengine 10.5
            assertThat(map(live, "totalstatistics")).containsEntry("relayedpackets_user", 10L)
                    .containsEntry("relayedbytes_user", 10L * 172).containsEntry("managedsessions", 0L);
            assertThat((String) map(live, "totalstatistics").get("uptime")).matches("\\d+");
            Map<String, Object> iface = list(live, "interfaces").get(0);
            assertThat(iface).containsEntry("name", "default").containsEntry("address", "127.0.0.1");
            assertThat(map(iface, "ports")).containsEntry("used", 4L).containsEntry("free", 96L).containsEntry("totals", 100L)
                    .containsEntry("min", 20000L).containsEntry("max", 20099L).containsEntry("used_pct", "4.00");

            assertThat(ng.request(dict("command", "delete", "call-id", "stats-1"))).containsEntry("result", "ok");
        }
        assertThat(ng.request(dict("command", "query", "call-id", "gone"))).containsEntry("result", "error");
        Map<String, Object> after = statistics();
        Map<String, Object> total = map(after, "totalstatistics");
        assertThat(total).containsEntry("managedsessions", 1L).containsEntry("regularterminatedsessions", 1L)
                .containsEntry("relayedpackets_user", 10L).containsEntry("relayedpackets", 10L)
                .containsEntry("zerowaystreams", 0L).containsEntry("onewaystreams", 0L);
        assertThat((String) total.get("totalcallsduration")).matches("\\d+\\.\\d{6}");
        assertThat(map(after, "currentstatistics")).containsEntry("sessionsown", 0L);
        Map<String, Object> control = map(after, "controlstatistics");
        assertThat(control).containsEntry("totaloffercount", 1L).containsEntry("totalanswercount", 1L)
                .containsEntry("totaldeletecount", 1L).containsEntry("totalquerycount", 1L);
        Map<String, Object> proxy = list(control, "proxies").get(0);
        assertThat(proxy).containsEntry("proxy", "127.0.0.1").containsEntry("offercount", 1L).containsEntry("errorcount", 1L);
        assertThat((String) proxy.get("offerduration")).matches("\\d+\\.\\d{6}");
        assertThat(map(after, "intervalstatistics")).containsEntry("minstart recordingdelay", "0.000000")
                .containsEntry("maxofferrequestrate", 0L);
        // the statistics request itself is counted too
        assertThat(control.get("totalstatscount")).isEqualTo(1L);
        assertThat(RequestKind.of("statistics")).isEqualTo(RequestKind.STATISTICS);
    }

    @Test
    void sessionLimitAnswersLoadLimitToClientsThatSupportItAndDrainsAtZero() {
        relay.calls().maxSessions(1);
        try (TwoPartyCall first = TwoPartyCall.establish(ng, "limit-1")) {
            Map<String, Object> refused = ng.request(offer("limit-2", List.of("load limit")));
            assertThat(refused).containsEntry("result", "load limit").containsEntry("message", "Parallel session limit reached")
                    .doesNotContainKey("sdp");
            Map<String, Object> error = ng.request(offer("limit-2", null));
            assertThat(error).containsEntry("result", "error").containsEntry("error-reason", "Parallel session limit reached");
            assertThat(relay.calls().callCount()).as("nothing was created for the refused call").isEqualTo(1);

            // set maxsessions 0 drains: the call that runs goes on (re-offer, answer, media), new ones are refused
            relay.calls().maxSessions(0);
            first.offer(ng);
            first.answer(ng);
            first.assertRtpBothWays();
            assertThat(ng.request(offer("limit-3", List.of("load limit")))).containsEntry("result", "load limit");

            relay.calls().maxSessions(-1);
            assertThat(ng.request(offer("limit-3", List.of("load limit")))).containsEntry("result", "ok");
        }
        assertThat(map(statistics(), "totalstatistics")).containsEntry("rejectedsessions", 3L);
    }

    @Test
    void terminateEndsACallAtOnceAsForceTerminated() throws Exception {
        try (TwoPartyCall a = TwoPartyCall.establish(ng, "term-1");
             TwoPartyCall b = TwoPartyCall.establish(ng, "term-2");
             TwoPartyCall c = TwoPartyCall.establish(ng, "term-3")) {
            assertThat(relay.calls().terminate(a.callId).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.calls().terminate("no-such-call").get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(ng.request(dict("command", "query", "call-id", "term-1"))).containsEntry("error-reason", "Unknown call-id");
            assertThat(relay.calls().list(10)).containsExactly(c.callId, b.callId);
            assertThat(relay.calls().terminateAll().get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(relay.calls().callCount()).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> relay.interfaces().portsUsed() == 0);
        }
        assertThat(map(statistics(), "totalstatistics")).containsEntry("forcedterminatedsessions", 3L)
                .containsEntry("managedsessions", 3L).containsEntry("zerowaystreams", 3L);
    }

    private Map<String, Object> offer(String callId, List<String> supports) {
        Map<String, Object> d = dict("command", "offer", "call-id", callId, "from-tag", "a",
                "sdp", Sdps.audio("caller", "127.0.0.1", 4000, 4001));
        if (supports != null) {
            d.put("supports", supports);
        }
        return d;
    }

    private Map<String, Object> statistics() {
        Map<String, Object> reply = ng.request(dict("command", "statistics"));
        assertThat(reply).containsEntry("result", "ok");
        return map(reply, "statistics");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }
}

package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.path.EndpointLearning;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.command.NgOptions;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;

/**
 * The daemon options that change how requests are read and media is learned, through the real ng
 * socket and real RTP: {@code --endpoint-learning} (and the per-call key), {@code --sip-source},
 * {@code --reject-invalid-sdp}, {@code --max-bandwidth}.
 */
@Timeout(60)
class DaemonOptionsTest {

    private static final CallConfig CONFIG = new CallConfig(60, 3600, 0, 3600, 0, 0);
    private static final Duration WAIT = Duration.ofSeconds(2);

    private static InProcessRelay relay(NgOptions options, int portMin) throws InterruptedException {
        return new InProcessRelay(CONFIG, options, Recorder.NONE, portMin, portMin + 99);
    }

    /** A caller whose SDP names {@code sdpPeer}, a callee, and where the relay listens for each. */
    private record Call(InetSocketAddress forCaller, InetSocketAddress forCallee, UdpPeer callee) {
    }

    private static Call call(NgClient ng, String callId, UdpPeer sdpPeer, Object... extra) {
        Map<String, Object> offer = dict("command", "offer", "call-id", callId, "from-tag", "a",
                "sdp", Sdps.audio("a", "127.0.0.1", sdpPeer.port(), sdpPeer.port() + 1));
        for (int i = 0; i < extra.length; i += 2) {
            offer.put((String) extra[i], extra[i + 1]);
        }
        Map<String, Object> offered = ng.request(offer);
        assertThat(offered).containsEntry("result", "ok");
        UdpPeer callee = UdpPeer.bind("127.0.0.1");
        Map<String, Object> answered = ng.request(dict("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b",
                "sdp", Sdps.audio("b", "127.0.0.1", callee.port(), callee.port() + 1)));
        assertThat(answered).containsEntry("result", "ok");
        String o = (String) offered.get("sdp");
        String a = (String) answered.get("sdp");
        return new Call(new InetSocketAddress("127.0.0.1", Sdps.audioPort(a)), new InetSocketAddress("127.0.0.1", Sdps.audioPort(o)), callee);
    }

    private static int seq;

    /** {@code from} sends one packet towards the callee (the callee drains it). */
    private static void callerSends(UdpPeer from, Call call) {
        from.send(RtpPackets.rtp(0, ++seq, 160L * seq, 0x1234L, 160), call.forCaller());
        assertThat(call.callee().receive(WAIT)).isNotNull();
    }

    /** The callee sends one packet; returns the port of whichever of {@code candidates} got it (0: none). */
    private static int whereCalleeMediaGoes(Call call, UdpPeer... candidates) {
        call.callee().send(RtpPackets.rtp(0, ++seq, 160L * seq, 0x5678L, 160), call.forCallee());
        int got = 0;
        for (UdpPeer p : candidates) {
            if (p.receive(Duration.ofMillis(500)) != null) {
                assertThat(got).as("delivered twice").isZero();
                got = p.port();
            }
        }
        return got;
    }

    @Test
    void endpointLearningModesPerCall() throws InterruptedException {
        try (InProcessRelay relay = relay(NgOptions.DEFAULTS, 25200); NgClient ng = relay.client();
             UdpPeer sdp = UdpPeer.bind("127.0.0.1"); UdpPeer nat1 = UdpPeer.bind("127.0.0.1"); UdpPeer nat2 = UdpPeer.bind("127.0.0.1")) {
            // delayed (default): the last source in the first 3 s wins
            Call delayed = call(ng, "el-delayed", sdp);
            callerSends(nat1, delayed);
            callerSends(nat2, delayed);
            assertThat(whereCalleeMediaGoes(delayed, sdp, nat1, nat2)).isEqualTo(nat2.port());
            // immediate: the first source, for good
            Call immediate = call(ng, "el-immediate", sdp, "endpoint-learning", "immediate");
            callerSends(nat1, immediate);
            callerSends(nat2, immediate);
            assertThat(whereCalleeMediaGoes(immediate, sdp, nat1, nat2)).isEqualTo(nat1.port());
            // off: always the SDP's address
            Call off = call(ng, "el-off", sdp, "endpoint-learning", "off");
            callerSends(nat1, off);
            assertThat(whereCalleeMediaGoes(off, sdp, nat1, nat2)).isEqualTo(sdp.port());
            // heuristic: the source matching the SDP's address and port beats later ones that match less
            Call heuristic = call(ng, "el-heuristic", sdp, "endpoint-learning", "heuristic");
            callerSends(nat1, heuristic);
            callerSends(sdp, heuristic);
            callerSends(nat2, heuristic);
            assertThat(whereCalleeMediaGoes(heuristic, sdp, nat1, nat2)).isEqualTo(sdp.port());
            // an unknown mode is a warning and the daemon's default
            Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "el-bad", "from-tag", "a",
                    "sdp", Sdps.audio("a", "127.0.0.1", sdp.port(), sdp.port() + 1), "endpoint-learning", "sometimes"));
            assertThat(reply).containsEntry("result", "ok");
            assertThat((String) reply.get("warning")).contains("endpoint-learning", "sometimes");
        }
    }

    @Test
    void theDaemonDefaultApplies() throws InterruptedException {
        try (InProcessRelay relay = relay(new NgOptions(false, false, EndpointLearning.OFF), 25300); NgClient ng = relay.client();
             UdpPeer sdp = UdpPeer.bind("127.0.0.1"); UdpPeer nat = UdpPeer.bind("127.0.0.1")) {
            Call off = call(ng, "default-off", sdp);
            callerSends(nat, off);
            assertThat(whereCalleeMediaGoes(off, sdp, nat)).isEqualTo(sdp.port());
            Call delayed = call(ng, "asked-delayed", sdp, "endpoint-learning", "delayed");
            callerSends(nat, delayed);
            assertThat(whereCalleeMediaGoes(delayed, sdp, nat)).isEqualTo(nat.port());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> callerEndpoint(NgClient ng, String callId) {
        Map<String, Object> q = ng.request(dict("command", "query", "call-id", callId));
        Map<String, Object> tag = (Map<String, Object>) ((Map<String, Object>) q.get("tags")).get("a");
        Map<String, Object> media = ((List<Map<String, Object>>) tag.get("medias")).get(0);
        return (Map<String, Object>) ((List<Map<String, Object>>) media.get("streams")).get(0).get("endpoint");
    }

    @Test
    void sipSourceMakesReceivedFromTheDefaultUnlessTrustAddress() throws InterruptedException {
        String sdp = Sdps.audio("a", "127.0.0.5", 24000, 24001);
        try (InProcessRelay relay = relay(new NgOptions(true, false, EndpointLearning.DELAYED), 25400); NgClient ng = relay.client()) {
            assertThat(ng.request(dict("command", "offer", "call-id", "ss-1", "from-tag", "a", "sdp", sdp,
                    "received-from", List.of("IP4", "127.0.0.9")))).containsEntry("result", "ok");
            // rtpengine 10.5 with --sip-source: the SIP source's address, the SDP's port
            assertThat(callerEndpoint(ng, "ss-1")).containsEntry("address", "127.0.0.9").containsEntry("port", 24000L);
            assertThat(ng.request(dict("command", "offer", "call-id", "ss-2", "from-tag", "a", "sdp", sdp,
                    "received-from", List.of("IP4", "127.0.0.9"), "flags", List.of("trust-address")))).containsEntry("result", "ok");
            assertThat(callerEndpoint(ng, "ss-2")).containsEntry("address", "127.0.0.5");
        }
        try (InProcessRelay relay = relay(NgOptions.DEFAULTS, 25500); NgClient ng = relay.client()) {
            assertThat(ng.request(dict("command", "offer", "call-id", "ss-3", "from-tag", "a", "sdp", sdp,
                    "received-from", List.of("IP4", "127.0.0.9")))).containsEntry("result", "ok");
            assertThat(callerEndpoint(ng, "ss-3")).containsEntry("address", "127.0.0.5");
        }
    }

    @Test
    void aBlankLineEndsTheSdpOrWithRejectInvalidSdpRefusesIt() throws InterruptedException {
        String sdp = Sdps.audio("a", "127.0.0.1", 24000, 24001);
        String blankInside = sdp + "a=before\r\n\r\na=after\r\n";
        try (InProcessRelay relay = relay(NgOptions.DEFAULTS, 25600); NgClient ng = relay.client()) {
            Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "blank-1", "from-tag", "a", "sdp", blankInside));
            // rtpengine 10.5: what follows the blank line is gone
            assertThat(reply).containsEntry("result", "ok");
            assertThat((String) reply.get("sdp")).contains("a=before").doesNotContain("a=after");
        }
        try (InProcessRelay relay = relay(new NgOptions(false, true, EndpointLearning.DELAYED), 25700); NgClient ng = relay.client()) {
            for (String body : new String[] {blankInside, sdp + "\r\n"}) {
                Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "blank-2", "from-tag", "a", "sdp", body));
                assertThat(reply).containsEntry("result", "error").containsEntry("error-reason", "Failed to parse SDP");
            }
            assertThat(ng.request(dict("command", "offer", "call-id", "blank-3", "from-tag", "a", "sdp", sdp)))
                    .containsEntry("result", "ok");
        }
    }

    @Test
    void maxBandwidthRefusesNewCallsWhileMediaFlows() throws InterruptedException {
        try (InProcessRelay relay = relay(NgOptions.DEFAULTS, 25800); NgClient ng = relay.client();
             UdpPeer caller = UdpPeer.bind("127.0.0.1")) {
            relay.calls().loadLimits().maxBandwidth(1000);
            Call flowing = call(ng, "bw-flowing", caller);
            String sdp = Sdps.audio("x", "127.0.0.1", 24000, 24001);
            Map<String, Object> refused = null;
            for (int i = 0; i < 300 && refused == null; i++) {
                callerSends(caller, flowing); // 172 bytes per 10 ms: 17 kB/s
                Thread.sleep(10);
                if (i % 25 == 24) {
                    Map<String, Object> r = ng.request(dict("command", "offer", "call-id", "bw-new-" + i, "from-tag", "a", "sdp", sdp,
                            "supports", List.of("load limit")));
                    if ("load limit".equals(r.get("result"))) {
                        refused = r;
                    }
                }
            }
            assertThat(refused).as("refused while 17 kB/s flow").isNotNull().containsEntry("message", "Bandwidth limit exceeded");
            Map<String, Object> error = ng.request(dict("command", "offer", "call-id", "bw-plain", "from-tag", "a", "sdp", sdp));
            assertThat(error).containsEntry("result", "error").containsEntry("error-reason", "Parallel session limit reached");
            // the running call is not refused its re-offer
            assertThat(ng.request(dict("command", "offer", "call-id", "bw-flowing", "from-tag", "a",
                    "sdp", Sdps.audio("a", "127.0.0.1", caller.port(), caller.port() + 1)))).containsEntry("result", "ok");
            flowing.callee().close();
        }
    }
}

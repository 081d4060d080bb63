package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/** A two-party call over the real ng socket, with media through real loopback sockets. */
@Timeout(30)
class CallRelayTest {

    private InProcessRelay relay;
    private NgClient ng;

    @BeforeEach
    void start() throws InterruptedException {
        relay = InProcessRelay.withPorts(21000, 21999);
        ng = relay.client();
    }

    @AfterEach
    void stop() {
        ng.close();
        relay.close();
    }

    @Test
    void relaysRtpAndRtcpBothWaysAndCountsIt() {
        try (TwoPartyCall call = TwoPartyCall.establish(ng, "relay-1")) {
            for (int i = 0; i < 10; i++) {
                call.assertRtpBothWays();
            }
            call.assertRtcpBothWays();

            Map<String, Object> query = ng.request(dict("command", "query", "call-id", "relay-1"));
            assertThat(query).containsEntry("result", "ok");
            Map<String, Object> totals = map(query, "totals");
            assertThat(map(totals, "RTP")).containsEntry("packets", 20L).containsEntry("bytes", 20L * 172);
            assertThat(map(totals, "RTCP")).containsEntry("packets", 2L).containsEntry("bytes", 16L);
            Map<String, Object> caller = map(map(query, "tags"), TwoPartyCall.FROM_TAG);
            Map<String, Object> callerRtpStream = stream(caller, 0);
            // rtpengine's mapping: the caller's monologue holds the port of the answer SDP,
            // its endpoint is the caller, its stats count what the caller sent.
            assertThat(callerRtpStream).containsEntry("local port", (long) call.relayForCaller.getPort());
            assertThat(map(callerRtpStream, "endpoint")).containsEntry("port", (long) call.callerRtp.port());
            assertThat(map(callerRtpStream, "stats")).containsEntry("packets", 10L);
            assertThat(caller).containsKeys("tag", "created", "medias");
        }
    }

    @Test
    void latchesOntoTheRealSourceWhenItDiffersFromTheSdp() {
        try (TwoPartyCall call = TwoPartyCall.establish(ng, "relay-latch");
             UdpPeer natted = UdpPeer.bind("127.0.0.1")) {
            // The caller's SDP names callerRtp, but it really sends from another port (NAT).
            byte[] first = RtpPackets.rtp(0, 1, 160, 0xabcL, 160);
            TwoPartyCall.assertDelivered(natted, call.relayForCaller, call.calleeRtp, call.relayForCallee, first);
            byte[] back = RtpPackets.rtp(0, 1, 160, 0xdefL, 160);
            TwoPartyCall.assertDelivered(call.calleeRtp, call.relayForCallee, natted, call.relayForCaller, back);
            assertThat(call.callerRtp.receive(Duration.ofMillis(200))).as("nothing goes to the SDP address any more").isNull();
        }
    }

    @Test
    void asymmetricKeepsSendingToTheSdpAddress() {
        try (TwoPartyCall call = new TwoPartyCall("relay-asym");
             UdpPeer other = UdpPeer.bind("127.0.0.1")) {
            Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", call.callId, "from-tag", TwoPartyCall.FROM_TAG,
                    "flags", List.of("asymmetric"),
                    "sdp", Sdps.audio("caller", "127.0.0.1", call.callerRtp.port(), call.callerRtcp.port())));
            String offerSdp = (String) offer.get("sdp");
            call.relayForCallee = new InetSocketAddress("127.0.0.1", Sdps.audioPort(offerSdp));
            call.answer(ng);
            TwoPartyCall.assertDelivered(other, call.relayForCaller, call.calleeRtp, call.relayForCallee, RtpPackets.rtp(0, 1, 0, 1, 160));
            TwoPartyCall.assertDelivered(call.calleeRtp, call.relayForCallee, call.callerRtp, call.relayForCaller, RtpPackets.rtp(0, 1, 0, 2, 160));
        }
    }

    @Test
    void strictSourceDropsPacketsFromAnotherSourceAfterLearning() throws InterruptedException {
        try (TwoPartyCall call = new TwoPartyCall("relay-strict");
             UdpPeer intruder = UdpPeer.bind("127.0.0.1")) {
            ng.request(dict("command", "offer", "call-id", call.callId, "from-tag", TwoPartyCall.FROM_TAG,
                    "flags", List.of("strict-source"),
                    "sdp", Sdps.audio("caller", "127.0.0.1", call.callerRtp.port(), call.callerRtcp.port())));
            call.answer(ng);
            call.relayForCallee = new InetSocketAddress("127.0.0.1", Sdps.audioPort(call.answerSdp)); // unused below
            call.callerRtp.send(RtpPackets.rtp(0, 1, 0, 1, 160), call.relayForCaller);
            assertThat(call.calleeRtp.receive(Duration.ofSeconds(2))).isNotNull();
            // Learning lasts 3 s (rtpengine's endpoint-learning=delayed); after it, only the learned source passes.
            Thread.sleep(3100);
            intruder.send(RtpPackets.rtp(0, 2, 160, 1, 160), call.relayForCaller);
            assertThat(call.calleeRtp.receive(Duration.ofMillis(300))).as("intruder's packet is dropped").isNull();
            call.callerRtp.send(RtpPackets.rtp(0, 3, 320, 1, 160), call.relayForCaller);
            assertThat(call.calleeRtp.receive(Duration.ofSeconds(2))).as("the learned source still passes").isNotNull();
            Map<String, Object> query = ng.request(dict("command", "query", "call-id", call.callId));
            assertThat(map(stream(map(map(query, "tags"), TwoPartyCall.FROM_TAG), 0), "stats")).containsEntry("errors", 1L);
        }
    }

    @Test
    void reOfferAndReAnswerKeepThePorts() {
        try (TwoPartyCall call = TwoPartyCall.establish(ng, "relay-reinvite")) {
            InetSocketAddress forCaller = call.relayForCaller;
            InetSocketAddress forCallee = call.relayForCallee;
            int used = relay.interfaces().portsUsed();
            call.offer(ng);
            call.answer(ng);
            assertThat(call.relayForCaller).isEqualTo(forCaller);
            assertThat(call.relayForCallee).isEqualTo(forCallee);
            assertThat(relay.interfaces().portsUsed()).isEqualTo(used);
            call.assertRtpBothWays();
        }
    }

    @Test
    void deleteFreesThePorts() throws IOException {
        TwoPartyCall call = TwoPartyCall.establish(ng, "relay-delete");
        call.assertRtpBothWays();
        assertThat(relay.interfaces().portsUsed()).isEqualTo(4);
        Map<String, Object> deleted = ng.request(dict("command", "delete", "call-id", "relay-delete", "from-tag", TwoPartyCall.FROM_TAG));
        assertThat(deleted).containsEntry("result", "ok").containsKeys("tags", "totals");
        assertThat(relay.interfaces().portsUsed()).isZero();
        assertThat(ng.request(dict("command", "query", "call-id", "relay-delete")))
                .containsEntry("result", "error").containsEntry("error-reason", "Unknown call-id");
        for (InetSocketAddress freed : List.of(call.relayForCaller, call.relayForCallerRtcp, call.relayForCallee, call.relayForCalleeRtcp)) {
            try (DatagramSocket s = new DatagramSocket(freed)) {
                assertThat(s.getLocalPort()).isEqualTo(freed.getPort());
            }
        }
        call.close();
    }

    @Test
    void deletingOneForkedBranchKeepsTheAnsweredOne() {
        try (TwoPartyCall call = new TwoPartyCall("fork")) {
            String callerSdp = Sdps.audio("caller", "127.0.0.1", call.callerRtp.port(), call.callerRtcp.port());
            Map<String, Object> first = ng.request(dict("command", "offer", "call-id", "fork", "from-tag", TwoPartyCall.FROM_TAG,
                    "via-branch", "z9hG4bK-1", "sdp", callerSdp));
            Map<String, Object> second = ng.request(dict("command", "offer", "call-id", "fork", "from-tag", TwoPartyCall.FROM_TAG,
                    "via-branch", "z9hG4bK-2", "sdp", callerSdp));
            int branch1 = Sdps.audioPort((String) first.get("sdp"));
            int branch2 = Sdps.audioPort((String) second.get("sdp"));
            assertThat(branch2).as("each branch gets its own ports").isNotEqualTo(branch1);
            call.relayForCallee = new InetSocketAddress("127.0.0.1", branch2);
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "fork", "from-tag", TwoPartyCall.FROM_TAG,
                    "to-tag", TwoPartyCall.TO_TAG, "via-branch", "z9hG4bK-2",
                    "sdp", Sdps.audio("callee", "127.0.0.1", call.calleeRtp.port(), call.calleeRtcp.port())));
            call.relayForCaller = new InetSocketAddress("127.0.0.1", Sdps.audioPort((String) answer.get("sdp")));
            int used = relay.interfaces().portsUsed();
            assertThat(ng.request(dict("command", "delete", "call-id", "fork", "from-tag", TwoPartyCall.FROM_TAG,
                    "via-branch", "z9hG4bK-1"))).containsEntry("result", "ok");
            assertThat(relay.interfaces().portsUsed()).as("branch 1's pair is free").isEqualTo(used - 2);
            assertThat(relay.calls().list(10)).containsExactly("fork");
            call.assertRtpBothWays();
            assertThat(ng.request(dict("command", "delete", "call-id", "fork", "from-tag", TwoPartyCall.FROM_TAG)))
                    .containsEntry("result", "ok");
            assertThat(relay.interfaces().portsUsed()).isZero();
        }
    }

    @Test
    void listShowsCallsNewestFirstAndHonoursTheLimit() {
        try (TwoPartyCall a = TwoPartyCall.establish(ng, "list-a");
             TwoPartyCall b = TwoPartyCall.establish(ng, "list-b")) {
            assertThat(ng.request(dict("command", "list"))).containsEntry("calls", List.of(b.callId, a.callId));
            assertThat(ng.request(dict("command", "list", "limit", 1L))).containsEntry("calls", List.of(b.callId));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertThat(v).as("key '%s' in %s", key, m.keySet()).isInstanceOf(Map.class);
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stream(Map<String, Object> party, int index) {
        List<Object> medias = (List<Object>) party.get("medias");
        List<Object> streams = (List<Object>) ((Map<String, Object>) medias.get(0)).get("streams");
        return (Map<String, Object>) streams.get(index);
    }
}

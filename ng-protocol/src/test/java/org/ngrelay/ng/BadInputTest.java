package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * Every kind of bad request gets rtpengine's error answer, and a call set up before keeps
 * relaying through all of them. The port range holds exactly four pairs, so it can be exhausted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class BadInputTest {

    private static final String SDP = Sdps.audio("x", "192.0.2.1", 5000, 5001);
    private static final String SDP_HEAD = "v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    private InProcessRelay relay;
    private NgClient ng;
    private TwoPartyCall call;

    @BeforeAll
    void setUp() throws InterruptedException {
        relay = InProcessRelay.withPorts(22000, 22007);
        ng = relay.client();
        call = TwoPartyCall.establish(ng, "survivor");
        call.assertRtpBothWays();
    }

    @AfterAll
    void tearDown() {
        // The call set up first relays after every bad input (each test below ran before this).
        call.assertRtpBothWays();
        call.assertRtcpBothWays();
        call.close();
        ng.close();
        relay.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("truncated bencode", "d3:foo", "Could not decode bencode dictionary"),
                Arguments.of("a list instead of a dict", "le", "Invalid NG data format"),
                Arguments.of("a string instead of a dict", "5:hello", "Invalid NG data format"),
                Arguments.of("an integer instead of a dict", "i42e", "Invalid NG data format"),
                Arguments.of("plain text", "abc def", "Invalid NG data format"),
                Arguments.of("empty body", "", "Invalid data (no payload)"),
                Arguments.of("empty dict: no command", "de", "Dictionary contains no key \"command\""),
                Arguments.of("command is an integer", "d7:commandi1ee", "Dictionary contains no key \"command\""),
                Arguments.of("truncated JSON", "{\"command\":", "Failed to parse JSON document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void undecodableBodiesGetRtpenginesError(String what, String body, String reason) {
        byte[] reply = ng.raw(NgClient.newCookie(), body.getBytes(StandardCharsets.ISO_8859_1));
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        assertThat(text).as(what).contains("error").contains(reason);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown command", dict("command", "foo"), "Unrecognized command"),
                Arguments.of("commands are case-sensitive", dict("command", "PING"), "Unrecognized command"),
                Arguments.of("offer without call-id", dict("command", "offer", "from-tag", "a", "sdp", SDP), "No call-id in message"),
                Arguments.of("call-id is a list", dict("command", "offer", "call-id", List.of("x"), "from-tag", "a", "sdp", SDP), "No call-id in message"),
                Arguments.of("offer without from-tag", dict("command", "offer", "call-id", "bad-1", "sdp", SDP), "No from-tag in message"),
                Arguments.of("offer without sdp", dict("command", "offer", "call-id", "bad-1", "from-tag", "a"), "No SDP body in message"),
                Arguments.of("sdp is an integer", dict("command", "offer", "call-id", "bad-1", "from-tag", "a", "sdp", 5L), "No SDP body in message"),
                Arguments.of("sdp is empty", dict("command", "offer", "call-id", "bad-1", "from-tag", "a", "sdp", ""), "No SDP body in message"),
                Arguments.of("answer without to-tag", dict("command", "answer", "call-id", "survivor", "from-tag", TwoPartyCall.FROM_TAG, "sdp", SDP), "No to-tag in message"),
                Arguments.of("answer for an unknown call", dict("command", "answer", "call-id", "nope", "from-tag", "a", "to-tag", "b", "sdp", SDP), "Unknown call-id"),
                Arguments.of("query for an unknown call", dict("command", "query", "call-id", "nope"), "Unknown call-id"),
                Arguments.of("query without call-id", dict("command", "query"), "No call-id in message"),
                Arguments.of("delete of an unknown call with fatal", dict("command", "delete", "call-id", "nope", "flags", List.of("fatal")), "Call-ID not found or tags didn't match"),
                Arguments.of("SDP without m=", offer(SDP_HEAD), "Error rewriting SDP"),
                Arguments.of("garbage in c=", offer(SDP_HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 not.an.ip") + "m=audio 5000 RTP/AVP 0\r\n"), "Failed to parse SDP"),
                Arguments.of("IPv6 address in an IP4 c=", offer(SDP_HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 2001:db8::1") + "m=audio 5000 RTP/AVP 0\r\n"), "Failed to parse SDP"),
                Arguments.of("no c= anywhere", offer("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n"), "Incomplete SDP specification"),
                Arguments.of("garbage m= port", offer(SDP_HEAD + "m=audio abc RTP/AVP 0\r\n"), "Failed to parse SDP"),
                Arguments.of("m= port out of range", offer(SDP_HEAD + "m=audio 70000 RTP/AVP 0\r\n"), "Failed to parse SDP"),
                Arguments.of("m= line too short", offer(SDP_HEAD + "m=audio\r\n"), "Failed to parse SDP"),
                Arguments.of("not SDP at all", offer("hello"), "Failed to parse SDP"),
                Arguments.of("SDP without v=", offer(SDP.substring("v=0\r\n".length())), "Failed to parse SDP"),
                Arguments.of("a line without '='", offer(SDP_HEAD + "m=audio 5000 RTP/AVP 0\r\nbogus line\r\n"), "Failed to parse SDP"));
    }

    private static Map<String, Object> offer(String sdp) {
        return dict("command", "offer", "call-id", "bad-sdp", "from-tag", "a", "sdp", sdp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetRtpenginesError(String what, Map<String, Object> request, String reason) {
        Map<String, Object> reply = ng.request(request);
        assertThat(reply).as(what).containsEntry("result", "error").containsEntry("error-reason", reason);
        assertThat(relay.calls().list(100)).as("a rejected request creates no call").doesNotContain("bad-1", "bad-sdp", "nope");
    }

    @Test
    void messagesWithoutCookieGetNoAnswerAndChangeNothing() {
        assertThat(ng.rawDatagram("justacookie".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(ng.rawDatagram(new byte[0])).isNull();
    }

    @Test
    void deleteOfAnUnknownCallIsOkWithAWarning() {
        assertThat(ng.request(dict("command", "delete", "call-id", "nope")))
                .containsEntry("result", "ok").containsEntry("warning", "Call-ID not found or tags didn't match");
    }

    @Test
    void exhaustedPortRangeIsAnErrorAndLeavesNothingBehind() {
        // survivor holds 2 of the 4 pairs; the next call takes the other 2.
        List<String> calls = new ArrayList<>(relay.calls().list(100));
        Map<String, Object> second = ng.request(dict("command", "offer", "call-id", "second", "from-tag", "a", "sdp", SDP));
        assertThat(second).containsEntry("result", "ok");
        Map<String, Object> third = ng.request(dict("command", "offer", "call-id", "third", "from-tag", "a", "sdp", SDP));
        assertThat(third).containsEntry("result", "error").containsEntry("error-reason", "Ran out of ports");
        assertThat(relay.calls().list(100)).doesNotContain("third");
        assertThat(ng.request(dict("command", "delete", "call-id", "second", "delete-delay", 0L))).containsEntry("result", "ok");
        assertThat(relay.calls().list(100)).isEqualTo(calls);
        assertThat(relay.interfaces().portsUsed()).isEqualTo(4);
    }

    @Test
    void garbagePacketsAreCountedAndDropped() {
        try (UdpPeer junk = UdpPeer.bind("127.0.0.1")) {
            junk.send(new byte[] {1}, call.relayForCaller);
            junk.send("hello world, not RTP".getBytes(StandardCharsets.US_ASCII), call.relayForCaller);
            junk.send(new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xa4, 0x42}, call.relayForCaller); // a STUN header
            assertThat(call.calleeRtp.receive(Duration.ofMillis(300))).isNull();
        }
        Map<String, Object> query = ng.request(dict("command", "query", "call-id", "survivor"));
        assertThat(CallRelayTest.map(CallRelayTest.map(query, "totals"), "RTP").get("errors")).isEqualTo(3L);
        call.callerRtp.send(RtpPackets.rtp(0, 99, 0, 1, 160), call.relayForCaller);
        assertThat(call.calleeRtp.receive(Duration.ofSeconds(2))).isNotNull();
    }
}

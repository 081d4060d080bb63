package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;

/** An offer and answer that carry only {@code rtpp-flags}, over the real ng UDP socket, against the dictionary form. */
@Timeout(30)
class RtppFlagsUdpTest {

    private static final String OFFER = "v=0\r\n"
            + "o=- 1545997027 1 IN IP4 192.0.2.10\r\n"
            + "s=tester\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 2000 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=ice-ufrag:q27e93\r\n"
            + "a=ice-pwd:bd5e8b8d6dd8e1bc6bd5e8b8\r\n"
            + "a=candidate:1 1 UDP 2130706303 192.0.2.10 2000 typ host\r\n"
            + "a=sendrecv\r\n";

    private static final String ANSWER = "v=0\r\n"
            + "o=- 77 1 IN IP4 192.0.2.20\r\n"
            + "s=tester\r\n"
            + "c=IN IP4 192.0.2.20\r\n"
            + "t=0 0\r\n"
            + "m=audio 3000 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=sendrecv\r\n";

    private static final String FLAGS = "replace-origin ICE=remove codec-strip=PCMA";

    private InProcessRelay relay;
    private NgClient ng;

    @BeforeEach
    void start() throws InterruptedException {
        relay = InProcessRelay.withPorts(27100, 27199);
        ng = relay.client();
    }

    @AfterEach
    void stop() {
        ng.close();
        relay.close();
    }

    @Test
    void anOfferWithOnlyRtppFlagsGetsTheSdpOfTheDictionaryForm() {
        String plain = sdp(ng.request(offer("plain", Map.of())));
        String fromDict = sdp(ng.request(offer("dict", Map.of("replace", List.of("origin"), "ICE", "remove",
                "codec", Map.of("strip", List.of("PCMA"))))));
        // the shape Kamailio sends when the daemon parses the flags: no flags/replace/ICE keys of its own
        Map<String, Object> kamailio = offer("rtpp", Map.of("rtpp-flags", FLAGS, "via-branch", "z9hG4bK-1",
                "supports", List.of("load limit"), "sip-message-type", "request"));
        String fromString = sdp(ng.request(kamailio));

        assertThat(withoutPorts(fromString)).isEqualTo(withoutPorts(fromDict));
        assertThat(withoutPorts(fromString)).as("the flags did something").isNotEqualTo(withoutPorts(plain));
        assertThat(fromString).contains("o=- 1545997027 1 IN IP4 127.0.0.1\r\n").doesNotContain("PCMA", "ice-", "candidate");
        assertThat(plain).contains("PCMA", "o=- 1545997027 1 IN IP4 192.0.2.10\r\n");
    }

    @Test
    void theAnswerTakesRtppFlagsToo() {
        ng.request(offer("ans", Map.of("rtpp-flags", FLAGS)));
        Map<String, Object> viaString = ng.request(dict("command", "answer", "call-id", "ans", "from-tag", "a", "to-tag", "b",
                "sdp", ANSWER, "rtpp-flags", "replace-origin"));
        assertThat(viaString).containsEntry("result", "ok");
        assertThat(sdp(viaString)).contains("o=- 77 1 IN IP4 127.0.0.1\r\n");
        ng.request(offer("ans-dict", Map.of("rtpp-flags", FLAGS)));
        Map<String, Object> viaDict = ng.request(dict("command", "answer", "call-id", "ans-dict", "from-tag", "a", "to-tag", "b",
                "sdp", ANSWER, "replace", List.of("origin")));
        assertThat(withoutPorts(sdp(viaString))).isEqualTo(withoutPorts(sdp(viaDict)));
    }

    @Test
    void aMalformedStringIsIgnoredWholeAndTheOfferStillSucceeds() {
        String plain = sdp(ng.request(offer("plain-2", Map.of())));
        String malformed = sdp(ng.request(offer("bad", Map.of("rtpp-flags", "replace-origin codec=[strip=[PCMA]"))));
        String wellFormed = sdp(ng.request(offer("good", Map.of("rtpp-flags", "replace-origin codec=[strip=[PCMA]]"))));
        assertThat(withoutPorts(malformed)).isEqualTo(withoutPorts(plain));
        assertThat(wellFormed).as("the same string with its bracket closed applies")
                .contains("o=- 1545997027 1 IN IP4 127.0.0.1\r\n").doesNotContain("PCMA");
    }

    @Test
    void theDictionarysOwnKeyWinsOverTheString() {
        String sdp = sdp(ng.request(offer("win", Map.of("rtpp-flags", FLAGS, "codec", Map.of("strip", List.of("PCMU"))))));
        assertThat(sdp).contains("a=rtpmap:8 PCMA/8000").doesNotContain("PCMU");
        assertThat(sdp).as("the string's other entries still apply").contains("IN IP4 127.0.0.1\r\ns=").doesNotContain("ice-");
    }

    private static Map<String, Object> offer(String callId, Map<String, Object> extra) {
        Map<String, Object> d = dict("command", "offer", "call-id", callId, "from-tag", "a", "sdp", OFFER);
        d.putAll(extra);
        return d;
    }

    private static String sdp(Map<String, Object> reply) {
        assertThat(reply).containsEntry("result", "ok");
        return (String) reply.get("sdp");
    }

    private static String withoutPorts(String sdp) {
        return sdp.replaceAll("(?m)^m=audio \\d+ ", "m=audio PORT ").replaceAll("(?m)^a=rtcp:\\d+", "a=rtcp:PORT");
    }
}

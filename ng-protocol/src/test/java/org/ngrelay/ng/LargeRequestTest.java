package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * ng requests far above the 2 KB a default UDP read takes: a browser's audio+video offer, a 30 KB
 * offer and a datagram near the 64 KB limit are answered whole (golden 153-155 hold 10.5's replies
 * to the first two), and a call set up before keeps relaying.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class LargeRequestTest {

    private InProcessRelay relay;
    private NgClient ng;
    private TwoPartyCall call;

    @BeforeAll
    void setUp() throws InterruptedException {
        relay = InProcessRelay.withPorts(20200, 20299);
        ng = relay.client();
        call = TwoPartyCall.establish(ng, "large-survivor");
    }

    @AfterAll
    void tearDown() {
        call.assertRtpBothWays();
        call.close();
        ng.close();
        relay.close();
    }

    @Test
    void browserOfferIsAnsweredWithEveryMediaSection() throws IOException {
        String offer;
        try (InputStream in = getClass().getResourceAsStream("/sdp/browser-audio-video-offer.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(offer.length()).isGreaterThan(3 * 1024);
        Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "large-browser", "from-tag", "b",
                "sdp", offer, "ICE", "remove"));
        assertThat(reply).containsEntry("result", "ok");
        String sdp = (String) reply.get("sdp");
        assertThat(sdp).contains("m=audio 202").contains("m=video 202")
                .contains("a=rtpmap:118 ulpfec/90000", "a=ssrc:632943048 cname:Jm3d5kQ0rVb8Xy2T");
        ng.request(dict("command", "delete", "call-id", "large-browser"));
    }

    @Test
    void thirtyKilobyteOfferKeepsEveryLineInOrder() {
        List<String> pads = pads(560, 40);
        String offer = Sdps.audio("big", "192.0.2.1", 5000, 5001) + String.join("\r\n", pads) + "\r\n";
        assertThat(offer.length()).isGreaterThan(30_000);
        Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "large-30k", "from-tag", "b", "sdp", offer));
        assertThat(reply).containsEntry("result", "ok");
        String sdp = (String) reply.get("sdp");
        assertThat(sdp).containsSubsequence(pads);
        assertThat(Sdps.audioPort(sdp)).isBetween(20200, 20299);
        ng.request(dict("command", "delete", "call-id", "large-30k"));
    }

    @Test
    void datagramNearTheUdpLimitIsReadWhole() {
        // 63 KB of request: the reply (rewritten SDP) still fits in one datagram.
        List<String> pads = pads(1150, 40);
        String offer = Sdps.audio("huge", "192.0.2.1", 5000, 5001) + String.join("\r\n", pads) + "\r\n";
        assertThat(offer.length()).isBetween(60_000, 64_000);
        Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "large-63k", "from-tag", "b", "sdp", offer));
        assertThat(reply).containsEntry("result", "ok");
        assertThat((String) reply.get("sdp")).containsSubsequence(pads.get(0), pads.get(pads.size() - 1), "a=sendrecv");
        ng.request(dict("command", "delete", "call-id", "large-63k"));
    }

    private static List<String> pads(int count, int width) {
        List<String> pads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pads.add(String.format("a=x-pad-%04d:%s", i, "p".repeat(width)));
        }
        return pads;
    }
}

package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * {@code query}: each stream shows the SSRC of the last packet its party sent (RTP's, or the RTCP
 * sender's), as a number, and no {@code SSRC} key before a packet came: rtpengine 10.5's shape.
 */
@Timeout(30)
class StreamSsrcTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> streams(Map<String, Object> query, String tag) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) query.get("tags")).get(tag);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) t.get("medias")) {
            out.addAll((List<Map<String, Object>>) m.get("streams"));
        }
        return out;
    }

    @Test
    void streamsShowTheLastSsrcOnceMediaCame() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(25900, 25999); NgClient ng = relay.client();
             TwoPartyCall call = TwoPartyCall.establish(ng, "ssrc-1")) {
            Map<String, Object> before = ng.request(dict("command", "query", "call-id", "ssrc-1"));
            assertThat(streams(before, TwoPartyCall.FROM_TAG)).allSatisfy(s -> assertThat(s).doesNotContainKey("SSRC"));
            call.assertRtpBothWays();
            call.assertRtcpBothWays();
            Map<String, Object> after = ng.request(dict("command", "query", "call-id", "ssrc-1"));
            assertThat(after.get("SSRC")).isEqualTo(Map.of());
            for (String tag : new String[] {TwoPartyCall.FROM_TAG, TwoPartyCall.TO_TAG}) {
                long expected = tag.equals(TwoPartyCall.FROM_TAG) ? 0x11111111L : 0x22222222L;
                assertThat(streams(after, tag)).as(tag).extracting(s -> s.get("SSRC")).containsExactly(expected, expected);
            }
        }
    }
}

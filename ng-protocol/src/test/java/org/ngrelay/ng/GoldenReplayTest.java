package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.testing.CorpusTally;
import org.ngrelay.ng.testing.GoldenCases;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgReplyComparator;

/**
 * Replays every request sequence recorded from the real rtpengine 10.5 against ngrelay and
 * compares the replies: {@code result}, {@code error-reason}, {@code warning}, the SDP line by line
 * (terminators included) and query/delete dictionaries, normalised by {@link NgReplyComparator}.
 * A difference fails the build unless {@code known-differences.json} lists the case with its
 * reason (docs/compatibility.md explains each); a listed case that no longer differs fails too,
 * so the list stays true. {@code DifferentialTest} runs the same corpus against a live rtpengine.
 */
@Timeout(300)
class GoldenReplayTest {

    @Test
    void everyRecordedSequenceGetsRtpenginesReplies() throws Exception {
        CorpusTally tally = new CorpusTally();
        List<GoldenCases.Case> cases = GoldenCases.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        for (GoldenCases.Case c : cases) {
            tally.record(c, replay(c));
        }
        System.out.println("golden: " + tally.summary("cases"));
        assertThat(tally.failures()).as("differences from rtpengine 10.5 that are not documented").isEmpty();
    }

    @Test
    void rawDatagramsGetRtpenginesReplies() throws Exception {
        List<String> failures = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 25000, 25999);
             NgClient ng = relay.client()) {
            for (Object o : GoldenCases.rawCases()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) o;
                byte[] reply = ng.rawDatagram(HexFormat.of().parseHex((String) c.get("datagram_hex")));
                String expected = (String) c.get("reply_text");
                String actual = reply == null ? null : new String(reply, StandardCharsets.UTF_8);
                if (expected == null || actual == null) {
                    if (expected != actual) {
                        failures.add(c.get("note") + ": expected " + expected + " but got " + actual);
                    }
                    continue;
                }
                String cookie = expected.substring(0, expected.indexOf(' ') + 1);
                if (!actual.startsWith(cookie)) {
                    failures.add(c.get("note") + ": reply does not start with cookie " + cookie + ": " + actual);
                    continue;
                }
                // Compared decoded: rtpengine writes its keys unsorted, ngrelay canonical (sorted)
                // bencode; both decode to the same dictionary, which is what clients read.
                new NgReplyComparator().compare(String.valueOf(c.get("note")), decodeBody(expected.substring(cookie.length())),
                        decodeBody(actual.substring(cookie.length())), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Map<String, Object> decodeBody(String body) throws NgFormatException {
        return body.startsWith("{") ? Json.parseObject(body) : NgClient.decode(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Runs one case on a fresh ngrelay with the recorded daemon's interfaces; returns the differences. */
    private static List<String> replay(GoldenCases.Case c) throws Exception {
        List<String> diffs = new ArrayList<>();
        NgReplyComparator comparator = new NgReplyComparator();
        List<Map<String, Object>> replies = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 23000, 24900,
                c.interfaces().toArray(new String[0]));
             NgClient ng = relay.client()) {
            for (int i = 0; i < c.steps().size(); i++) {
                GoldenCases.Step step = c.steps().get(i);
                if (step.sleepBeforeSeconds() > 0) {
                    Thread.sleep(step.sleepBeforeSeconds() * 1000); // the case itself waits (delete-delay expiry)
                }
                Map<String, Object> request = step.requestAfter(replies);
                Map<String, Object> reply = ng.request(request);
                replies.add(reply);
                comparator.compare("step " + i + " (" + request.get("command") + ")", step.recordedReply(), reply, diffs);
            }
        }
        return diffs;
    }
}

package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgTransport;
import org.ngrelay.ng.testing.RtcpScenario;
import org.ngrelay.ng.testing.RtpengineProcess;

/**
 * The same RTP and RTCP through ngrelay and a live rtpengine 10.5 at the same time (each packet to
 * both, back to back): the {@code SSRC} dictionaries of {@code query} and the {@code statistics}
 * MOS section must match. Round-trip times are measured by each daemon's own clock, so they may
 * differ by a few milliseconds and the wall-clock "reported at" by a second; every other figure
 * must be equal.
 */
@Tag("slow")
@Timeout(120)
class RtcpQualityDifferentialTest {

    private static final long RTT_TOLERANCE_US = 5_000;

    @TempDir
    Path work;

    @Test
    void ngrelayReportsRtcpQualityAsRtpengine10_5() throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        try (InProcessRelay relay = InProcessRelay.withPorts(12000, 12099);
             RtpengineProcess rtpengine = RtpengineProcess.start(List.of("127.0.0.1"), 12100, 12199, work);
             NgClient ours = relay.client(); NgClient theirs = new NgClient(rtpengine.ngAddress())) {
            List<String> differences = new ArrayList<>();
            List<NgTransport> both = List.of(ours, theirs);
            side(differences, "receiver reports", RtcpScenario.receiverReports(both, "d-1"));
            side(differences, "compound reports", RtcpScenario.compoundReports(both, "d-2"));
            List<Map<String, Object>> xr = RtcpScenario.extendedAndBrokenReports(both, "d-3");
            side(differences, "XR", List.of(xr.get(0).get("SSRC"), xr.get(1).get("SSRC")));
            for (String id : new String[] {"d-1", "d-2", "d-3"}) {
                ours.request(NgClient.dict("command", "delete", "call-id", id));
                theirs.request(NgClient.dict("command", "delete", "call-id", id));
            }
            Object ourMos = ((Map<?, ?>) ours.request(NgClient.dict("command", "statistics")).get("statistics")).get("mos");
            Object theirMos = ((Map<?, ?>) theirs.request(NgClient.dict("command", "statistics")).get("statistics")).get("mos");
            compare("statistics mos", ourMos, theirMos, differences);
            assertThat(((Map<?, ?>) ourMos).get("mos_samples_total")).as("MOS samples").isNotEqualTo(0L);
            assertThat(differences).as("differences from rtpengine 10.5 (its log: %s)", rtpengine.log()).isEmpty();
        }
    }

    private static void side(List<String> differences, String name, List<?> results) {
        assertThat((Map<?, ?>) results.get(1)).as("%s: rtpengine reports something", name).isNotEmpty();
        compare(name, results.get(0), results.get(1), differences);
    }

    private static void compare(String path, Object ours, Object theirs, List<String> out) {
        if (ours instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            // bencode dictionaries are sorted on the wire by ngrelay, in insertion order by rtpengine: keys as sets
            if (!a.keySet().equals(b.keySet())) {
                out.add(path + ": keys " + a.keySet() + " vs 10.5's " + b.keySet());
                return;
            }
            for (Object k : a.keySet()) {
                compare(path + "/" + k, a.get(k), b.get(k), out);
            }
        } else if (ours instanceof List<?> a && theirs instanceof List<?> b) {
            if (a.size() != b.size()) {
                out.add(path + ": " + a.size() + " entries vs 10.5's " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (path.endsWith("round-trip time") || path.endsWith("round-trip time leg")) {
            if (Math.abs((Long) ours - (Long) theirs) > RTT_TOLERANCE_US) {
                out.add(path + ": " + ours + " vs 10.5's " + theirs);
            }
        } else if (path.endsWith("reported at")) {
            if (Math.abs((Long) ours - (Long) theirs) > 1) {
                out.add(path + ": " + ours + " vs 10.5's " + theirs);
            }
        } else if (!ours.equals(theirs)) {
            out.add(path + ": " + ours + " vs 10.5's " + theirs);
        }
    }
}

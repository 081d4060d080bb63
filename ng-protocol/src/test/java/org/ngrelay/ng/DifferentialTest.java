package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.ng.testing.CorpusTally;
import org.ngrelay.ng.testing.GoldenCases;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgReplyComparator;
import org.ngrelay.ng.testing.RtpengineProcess;

/**
 * The corpus run against the real rtpengine 10.5 and ngrelay in the same run, step by step side by
 * side: what rtpengine answers now is the reference (the recorded replies serve
 * {@link GoldenReplayTest}). Differences must be listed in {@code known-differences.json}.
 * Needs Debian's rtpengine-daemon ({@code .ci/run} installs it); without it the test is skipped
 * locally and fails under CI.
 */
@Tag("slow")
@Timeout(600)
class DifferentialTest {

    @TempDir
    Path work;

    @Test
    void ngrelayAnswersTheCorpusLikeALiveRtpengine() throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        Map<List<String>, RtpengineProcess> daemons = new HashMap<>();
        CorpusTally tally = new CorpusTally();
        int base = 14000; // three daemons, 2000 ports each, below the ephemeral range
        try {
            List<GoldenCases.Case> cases = GoldenCases.all();
            for (GoldenCases.Case c : cases) {
                RtpengineProcess rtpengine = daemons.get(c.interfaces());
                if (rtpengine == null) {
                    rtpengine = RtpengineProcess.start(c.interfaces(), base, base + 1999, work);
                    base += 2000;
                    daemons.put(c.interfaces(), rtpengine);
                }
                tally.record(c, compareLive(c, rtpengine));
            }
            System.out.println("differential: " + tally.summary("sequences"));
        } finally {
            daemons.values().forEach(RtpengineProcess::close);
        }
        assertThat(tally.failures()).as("differences from a live rtpengine 10.5 that are not documented").isEmpty();
    }

    private static List<String> compareLive(GoldenCases.Case c, RtpengineProcess rtpengine) throws Exception {
        List<String> diffs = new ArrayList<>();
        NgReplyComparator comparator = new NgReplyComparator();
        List<Map<String, Object>> theirs = new ArrayList<>();
        List<Map<String, Object>> ours = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 23000, 24900,
                c.interfaces().toArray(new String[0]));
             NgClient ngrelay = relay.client();
             NgClient reference = new NgClient(rtpengine.ngAddress())) {
            for (int i = 0; i < c.steps().size(); i++) {
                GoldenCases.Step step = c.steps().get(i);
                if (step.sleepBeforeSeconds() > 0) {
                    Thread.sleep(step.sleepBeforeSeconds() * 1000); // the case waits for a delete-delay to pass
                }
                Map<String, Object> expected = reference.request(step.requestAfter(theirs));
                Map<String, Object> actual = ngrelay.request(step.requestAfter(ours));
                theirs.add(expected);
                ours.add(actual);
                comparator.compare("step " + i + " (" + step.request().get("command") + ")", expected, actual, diffs);
            }
        }
        return diffs;
    }
}

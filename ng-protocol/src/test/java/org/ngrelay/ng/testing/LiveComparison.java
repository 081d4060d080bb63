package org.ngrelay.ng.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ngrelay.core.call.CallConfig;

/** One golden case played step by step against a live rtpengine and an in-process ngrelay, over any transport. */
public final class LiveComparison {

    private LiveComparison() {
    }

    /** Opens a transport to ngrelay's relay. */
    public interface OurSide {
        NgTransport open(InProcessRelay relay) throws Exception;
    }

    public static List<String> compare(GoldenCases.Case c, OurSide ourSide, Callable<NgTransport> theirSide)
            throws Exception {
        List<String> diffs = new ArrayList<>();
        NgReplyComparator comparator = new NgReplyComparator();
        List<Map<String, Object>> theirs = new ArrayList<>();
        List<Map<String, Object>> ours = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 23000, 24900,
                c.interfaces().toArray(new String[0]));
             NgTransport ngrelay = ourSide.open(relay);
             NgTransport reference = theirSide.call()) {
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

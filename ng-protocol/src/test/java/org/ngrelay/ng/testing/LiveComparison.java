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

    /** The transport's listener option for rtpengine, e.g. {@code --listen-tcp-ng=127.0.0.1:PORT}. */
    public interface Listener {
        String option(int port);
    }

    /** Opens a transport to rtpengine's listener on {@code port}. */
    public interface TheirSide {
        NgTransport open(int port) throws Exception;
    }

    /**
     * Plays a subset of the corpus (every seventh case from {@code offset}, and the large offers)
     * over another transport on both sides: one rtpengine per interface set, listening with
     * {@code listener}, media ports from {@code portBase}.
     */
    public static CorpusTally subset(java.nio.file.Path work, int offset, int portBase, Listener listener, OurSide ours,
                                     TheirSide theirs) throws Exception {
        Map<List<String>, RtpengineProcess> daemons = new java.util.HashMap<>();
        Map<List<String>, Integer> ports = new java.util.HashMap<>();
        CorpusTally tally = new CorpusTally();
        int base = portBase;
        try {
            List<GoldenCases.Case> all = GoldenCases.all();
            for (int i = 0; i < all.size(); i++) {
                GoldenCases.Case c = all.get(i);
                if (i % 7 != offset && !c.name().contains("browser") && !c.name().contains("30k")) {
                    continue;
                }
                if (!daemons.containsKey(c.interfaces())) {
                    int port = org.ngrelay.core.testing.UdpPeer.freePort();
                    daemons.put(c.interfaces(), RtpengineProcess.start(c.interfaces(), base, base + 1999, work,
                            List.of(listener.option(port))));
                    base += 2000;
                    ports.put(c.interfaces(), port);
                }
                int port = ports.get(c.interfaces());
                tally.record(c, compare(c, ours, () -> theirs.open(port)));
            }
        } finally {
            daemons.values().forEach(RtpengineProcess::close);
        }
        return tally;
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

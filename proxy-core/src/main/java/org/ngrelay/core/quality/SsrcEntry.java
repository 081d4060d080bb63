package org.ngrelay.core.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * What one party's side of the call knows about one SSRC: the SRs (and XR reference times) it
 * sent, the round-trip time last measured against them, and, for an SSRC that sends receiver
 * reports, the stats block of each report with rtpengine's running figures.
 */
final class SsrcEntry {

    /** rtpengine keeps the last 10 SRs per SSRC to match an LSR against. */
    private static final int TIME_REPORTS = 10;

    final long ssrc;
    long lastUsedNs;
    private final long[] srMiddle = new long[TIME_REPORTS];
    private final long[] srReceivedNs = new long[TIME_REPORTS];
    private int srCount;
    private final long[] rrtMiddle = new long[TIME_REPORTS];
    private final long[] rrtReceivedNs = new long[TIME_REPORTS];
    private int rrtCount;
    /** This SSRC's leg round-trip time, from the last RR about it that matched one of its SRs. */
    long lastRttUs;
    /** The round-trip delay an XR VoIP metrics block gave, ms (used end to end when set). */
    int lastRttXrMs;
    /** The cumulative loss of this SSRC's last receiver report used. */
    long packetsLost;

    final List<StatsBlock> blocks = new ArrayList<>();
    StatsBlock lowest;
    StatsBlock highest;
    int noMosCount;
    long mosSum;
    long rttSum;
    long rttLegSum;
    long jitterSum;
    long lossSum;

    SsrcEntry(long ssrc) {
        this.ssrc = ssrc;
    }

    void senderReport(long middle, long nowNs) {
        int i = srCount++ % TIME_REPORTS;
        srMiddle[i] = middle;
        srReceivedNs[i] = nowNs;
    }

    void referenceTime(long middle, long nowNs) {
        int i = rrtCount++ % TIME_REPORTS;
        rrtMiddle[i] = middle;
        rrtReceivedNs[i] = nowNs;
    }

    /** When the SR whose middle NTP bits an LSR echoes arrived, newest first; 0 when not kept. */
    long senderReportReceivedNs(long middle) {
        return find(srMiddle, srReceivedNs, srCount, middle);
    }

    long referenceTimeReceivedNs(long middle) {
        return find(rrtMiddle, rrtReceivedNs, rrtCount, middle);
    }

    private static long find(long[] middles, long[] received, int count, long middle) {
        for (int n = 0; n < Math.min(count, TIME_REPORTS); n++) {
            int i = Math.floorMod(count - 1 - n, TIME_REPORTS);
            if (middles[i] == middle) {
                return received[i];
            }
        }
        return 0;
    }

    /** rtpengine keeps at most one block a second per SSRC; the reports in between are only sampled. */
    boolean keepsBlockAt(long nowNs) {
        return blocks.isEmpty() || nowNs - blocks.get(blocks.size() - 1).receivedNs() >= 1_000_000_000L;
    }

    /**
     * Adds a report's block (see {@link #keepsBlockAt}); the lowest is the lowest real MOS, the
     * highest the highest of any block; averages count blocks with a MOS.
     */
    void add(StatsBlock b) {
        blocks.add(b);
        if (b.mos() != 0 && (lowest == null || b.mos() < lowest.mos())) {
            lowest = b;
        }
        if (highest == null || b.mos() > highest.mos()) {
            highest = b;
        }
        if (b.mos() == 0) {
            noMosCount++;
        } else {
            mosSum += b.mos();
            rttSum += b.rttUs();
            rttLegSum += b.rttLegUs();
            jitterSum += b.jitterMs();
            lossSum += b.lossPercent();
        }
    }

    /** The query figures, or null when no block had a MOS (rtpengine then lists the SSRC not at all). */
    SsrcReport report() {
        if (blocks.isEmpty() || lowest == null || highest == null) {
            return null;
        }
        int samples = Math.max(1, blocks.size() - noMosCount);
        SsrcReport.Figures average = new SsrcReport.Figures((int) (mosSum / samples), rttSum / samples, rttLegSum / samples,
                jitterSum / samples, (int) (lossSum / samples), 0);
        // about ten entries over the call: one per tenth of the time between the first and the last
        long first = blocks.get(0).reportedEpochSec();
        long intervalSec = (blocks.get(blocks.size() - 1).reportedEpochSec() - first) / 10;
        List<SsrcReport.Figures> progression = new ArrayList<>();
        long next = first;
        for (StatsBlock b : blocks) {
            if (b.reportedEpochSec() >= next) {
                next += intervalSec;
                progression.add(SsrcReport.Figures.of(b));
            }
        }
        return new SsrcReport(ssrc, packetsLost, average, samples, SsrcReport.Figures.of(lowest), SsrcReport.Figures.of(highest),
                intervalSec, progression);
    }
}

package org.ngrelay.core.quality;

import java.util.List;

/**
 * One SSRC's entry in {@code query}'s {@code SSRC} dictionary (rtpengine 10.5's keys: cumulative
 * loss, average/lowest/highest MOS, MOS progression).
 *
 * @param samples     the blocks the average is over (those with a MOS; at least 1)
 * @param intervalSec the progression's step, a tenth of the time the blocks span
 */
public record SsrcReport(long ssrc, long cumulativeLoss, Figures average, int samples, Figures lowest, Figures highest,
                         long intervalSec, List<Figures> progression) {

    public SsrcReport {
        progression = List.copyOf(progression);
    }

    /** One block's figures; {@code reportedEpochSec} is 0 in the average, which has none. */
    public record Figures(int mos, long rttUs, long rttLegUs, long jitterMs, int lossPercent, long reportedEpochSec) {
        static Figures of(StatsBlock b) {
            return new Figures(b.mos(), b.rttUs(), b.rttLegUs(), b.jitterMs(), b.lossPercent(), b.reportedEpochSec());
        }
    }
}

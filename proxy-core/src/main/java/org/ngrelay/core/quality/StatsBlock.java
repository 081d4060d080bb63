package org.ngrelay.core.quality;

/**
 * The figures one receiver report gave (rtpengine's stats block).
 *
 * @param mos            MOS × 10, 0 when none could be computed
 * @param rttUs          end-to-end round-trip time (this leg + the opposite one), 0 until both are known
 * @param rttLegUs       this leg's round-trip time from LSR/DLSR, 0 when the SR was not found
 * @param jitterMs       the report's jitter in ms (at the payload type's clock rate)
 * @param lossPercent    the report's fraction lost, in whole percent
 * @param reportedEpochSec when it arrived, wall clock
 * @param receivedNs     when it arrived, monotonic (one block per second at most)
 */
public record StatsBlock(int mos, long rttUs, long rttLegUs, long jitterMs, int lossPercent, long reportedEpochSec,
                         long receivedNs) {
}

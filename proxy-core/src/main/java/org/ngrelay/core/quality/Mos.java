package org.ngrelay.core.quality;

/**
 * rtpengine's MOS: the simplified E-model (as PingPlotter documents it). The effective latency is
 * the end-to-end round-trip time plus twice the jitter plus 10 ms; R falls by a 40th of it below
 * 160 ms and by a tenth of what is above 120 ms beyond that, then by 2.5 per percent lost; MOS is
 * the ITU-T G.107 mapping of R. Kept in tenths and truncated, as rtpengine keeps it: 10 (R below
 * 0) to 45, and 0 for "no MOS".
 */
public final class Mos {

    private Mos() {
    }

    /**
     * @param rttUs      end-to-end round-trip time, µs (0: unknown)
     * @param jitterMs   interarrival jitter, ms
     * @param lossPercent fraction lost, whole percent
     * @return MOS × 10, or 0 when there is none (CQ without a round-trip time)
     */
    public static int tenths(MosMode mode, long rttUs, long jitterMs, int lossPercent) {
        if (mode == MosMode.CQ && rttUs == 0) {
            return 0;
        }
        long effectiveMs = rttUs / 1000 + jitterMs * 2 + 10;
        double r = effectiveMs < 160 ? 93.2 - effectiveMs / 40.0 : 93.2 - (effectiveMs - 120) / 10.0;
        r -= lossPercent * 2.5;
        int mos = r < 0 ? 10 : (int) ((1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r)) * 10);
        return mos < 10 ? 0 : mos;
    }
}

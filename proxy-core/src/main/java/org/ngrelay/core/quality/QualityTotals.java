package org.ngrelay.core.quality;

/**
 * The daemon's quality samples at one reading.
 *
 * @param mos         MOS (1.0 to 5.0) of each receiver report that gave one
 * @param jitterMs    jitter, ms
 * @param rttE2eUs    end-to-end round-trip time, µs (0 while only one leg is known)
 * @param rttLegUs    one leg's round-trip time, µs ("discrete": rtpengine's {@code rtt_dsct})
 * @param packetLoss  fraction lost, percent
 */
public record QualityTotals(QualitySamples.Sample mos, QualitySamples.Sample jitterMs, QualitySamples.Sample rttE2eUs,
                            QualitySamples.Sample rttLegUs, QualitySamples.Sample packetLoss) {

    public static final QualityTotals NONE = new QualityTotals(QualitySamples.Sample.NONE, QualitySamples.Sample.NONE,
            QualitySamples.Sample.NONE, QualitySamples.Sample.NONE, QualitySamples.Sample.NONE);
}

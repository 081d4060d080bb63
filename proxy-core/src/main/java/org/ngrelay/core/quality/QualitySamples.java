package org.ngrelay.core.quality;

/**
 * Daemon-wide samples of one media loop (rtpengine's sampled statistics: sum, sum of squares,
 * count): MOS from every receiver report that gave one, jitter, round-trip times and loss from
 * every receiver report used. Touched only on its loop; {@link #snapshot} is the reading.
 */
public final class QualitySamples {

    /** One sampled figure. */
    public record Sample(double sum, double sumOfSquares, long count) {
        public static final Sample NONE = new Sample(0, 0, 0);

        public double average() {
            return count == 0 ? 0 : sum / count;
        }

        public double stddev() {
            if (count == 0) {
                return 0;
            }
            double avg = average();
            return Math.sqrt(Math.max(0, sumOfSquares / count - avg * avg));
        }
    }

    /** Index of each figure in the arrays. */
    static final int MOS = 0;
    static final int JITTER = 1;
    static final int RTT_E2E = 2;
    static final int RTT_LEG = 3;
    static final int PACKET_LOSS = 4;

    private final double[] sum = new double[5];
    private final double[] sumOfSquares = new double[5];
    private final long[] count = new long[5];

    void add(int figure, double value) {
        sum[figure] += value;
        sumOfSquares[figure] += value * value;
        count[figure]++;
    }

    /** Adds {@code o}'s samples (to sum up the loops). */
    public void add(QualitySamples o) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += o.sum[i];
            sumOfSquares[i] += o.sumOfSquares[i];
            count[i] += o.count[i];
        }
    }

    private Sample sample(int figure, double scale) {
        return new Sample(sum[figure] / scale, sumOfSquares[figure] / (scale * scale), count[figure]);
    }

    /** MOS as a decimal (rtpengine samples tenths and prints them divided by 10). */
    public QualityTotals snapshot() {
        return new QualityTotals(sample(MOS, 10), sample(JITTER, 1), sample(RTT_E2E, 1), sample(RTT_LEG, 1), sample(PACKET_LOSS, 1));
    }
}

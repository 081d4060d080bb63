package org.ngrelay.core.call;

import java.util.concurrent.TimeUnit;

/**
 * Per-second rates of the packet, byte and error totals, from two readings at least a second
 * apart: rtpengine samples them in a timer every second; ngrelay adds no timer and no work to the
 * media loops, so the rate is over the time since the previous reading (a Prometheus scrape, a
 * {@code statistics} request), and a reading sooner than a second repeats the last rates.
 */
final class RateMeter {

    private static final long MIN_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private long lastNs;
    private final long[] last = new long[3];
    private final double[] rates = new double[3];
    private boolean primed;

    synchronized double[] update(long nowNs, long packets, long bytes, long errors) {
        long[] now = {packets, bytes, errors};
        if (!primed) {
            primed = true;
            lastNs = nowNs;
            System.arraycopy(now, 0, last, 0, 3);
        } else if (nowNs - lastNs >= MIN_INTERVAL_NS) {
            double seconds = (nowNs - lastNs) / 1e9;
            for (int i = 0; i < 3; i++) {
                rates[i] = Math.max(0, now[i] - last[i]) / seconds;
                last[i] = now[i];
            }
            lastNs = nowNs;
        }
        return rates.clone();
    }
}

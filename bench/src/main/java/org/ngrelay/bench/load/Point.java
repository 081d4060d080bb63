package org.ngrelay.bench.load;

import java.util.Locale;

/**
 * One measured load point.
 *
 * @param invalid why the figure cannot be trusted (the generator fell behind), or null
 */
record Point(String label, int calls, long sent, long received, long misrouted, double lossPct,
             double p50Ms, double p99Ms, double p999Ms, double maxMs, double daemonCpuPct, double usPerPacket,
             double generatorCpuPct, double maxSendLagMs, String invalid) {

    boolean sustained(double maxLossPct, double maxP99Ms) {
        return invalid == null && misrouted == 0 && lossPct <= maxLossPct && p99Ms <= maxP99Ms;
    }

    String human() {
        return String.format(Locale.ROOT,
                "%-10s calls=%5d  pkts=%8d  loss=%6.3f%%  latency p50=%6.3f p99=%7.3f p99.9=%7.3f max=%8.3f ms  daemon cpu=%5.1f%%  %6.2f us/pkt  generator cpu=%5.1f%% lag=%5.1f ms%s",
                label, calls, received, lossPct, p50Ms, p99Ms, p999Ms, maxMs, daemonCpuPct, usPerPacket, generatorCpuPct,
                maxSendLagMs, invalid == null ? "" : "  INVALID: " + invalid);
    }

    /** The machine-readable line the side-by-side script reads. */
    String result(String mode) {
        return String.format(Locale.ROOT,
                "RESULT label=%s mode=%s calls=%d sent=%d received=%d misrouted=%d loss_pct=%.4f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f cpu_pct=%.2f us_per_pkt=%.3f gen_cpu_pct=%.2f valid=%s",
                label, mode, calls, sent, received, misrouted, lossPct, p50Ms, p99Ms, p999Ms, maxMs, daemonCpuPct, usPerPacket,
                generatorCpuPct, invalid == null);
    }
}

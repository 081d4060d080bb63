package org.ngrelay.bench.load;

import java.util.Locale;

/**
 * One measured load point.
 *
 * @param invalid why the figure cannot be trusted (the generator fell behind), or null
 * @param srtp the callee leg's SRTP figures, or null for plain calls
 */
record Point(String label, int calls, long sent, long received, long misrouted, double lossPct,
             double p50Ms, double p99Ms, double p999Ms, double maxMs, double daemonCpuPct, double usPerPacket,
             double generatorCpuPct, double maxSendLagMs, String invalid, Srtp srtp) {

    /**
     * What shows the callee leg was SRTP (over the whole run, warm-up included): packets of the
     * suite's size ({@code length}) that unprotected, packets that did not, and packets of another
     * size or stream (a daemon relaying plain RTP to the callee shows up here and as loss).
     */
    record Srtp(String suite, int length, long unprotected, long unprotectErrors, long unexpected) {
    }

    boolean sustained(double maxLossPct, double maxP99Ms) {
        return invalid == null && misrouted == 0 && lossPct <= maxLossPct && p99Ms <= maxP99Ms;
    }

    String human() {
        return String.format(Locale.ROOT,
                "%-10s calls=%5d  pkts=%8d  loss=%6.3f%%  latency p50=%6.3f p99=%7.3f p99.9=%7.3f max=%8.3f ms  daemon cpu=%5.1f%%  %6.2f us/pkt  generator cpu=%5.1f%% lag=%5.1f ms%s",
                label, calls, received, lossPct, p50Ms, p99Ms, p999Ms, maxMs, daemonCpuPct, usPerPacket, generatorCpuPct,
                maxSendLagMs, invalid == null ? "" : "  INVALID: " + invalid)
                + (srtp == null ? "" : String.format(Locale.ROOT, "%n%-10s SRTP %s to the callee: %d packets of %d bytes unprotected, %d failed to, %d unexpected",
                        label, srtp.suite(), srtp.unprotected(), srtp.length(), srtp.unprotectErrors(), srtp.unexpected()));
    }

    /** The machine-readable line the side-by-side script reads. */
    String result(String mode) {
        return String.format(Locale.ROOT,
                "RESULT label=%s mode=%s calls=%d sent=%d received=%d misrouted=%d loss_pct=%.4f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f cpu_pct=%.2f us_per_pkt=%.3f gen_cpu_pct=%.2f valid=%s",
                label, mode, calls, sent, received, misrouted, lossPct, p50Ms, p99Ms, p999Ms, maxMs, daemonCpuPct, usPerPacket,
                generatorCpuPct, invalid == null)
                + (srtp == null ? "" : String.format(Locale.ROOT, " srtp=%s srtp_len=%d srtp_ok=%d unprotect_errors=%d unexpected=%d",
                        srtp.suite(), srtp.length(), srtp.unprotected(), srtp.unprotectErrors(), srtp.unexpected()));
    }
}

package org.ngrelay.core.call;

import org.ngrelay.core.quality.QualitySamples;

/**
 * Daemon-wide figures gathered per media loop: what the loop's ended calls left behind, and
 * (in a copy made by {@link CallManager#stats()}) what its live calls hold now. Each instance
 * is touched only on its loop, so a call's figures move from "live" to "ended" in one step that
 * no reader can see half done, and the packet path itself is never touched.
 */
final class LoopTotals {

    final long[] closed = new long[CloseReason.values().length];
    /** Calls that ended (rtpengine's managed sessions: it counts a call when it is destroyed). */
    long managedSessions;
    long packets;
    long bytes;
    long errors;
    /** Media sections (both legs of one m= line) that relayed nothing either way, or one way only. */
    long zeroWayStreams;
    long oneWayStreams;
    double durationSec;
    double durationSquaredSec;
    /** Quality samples of the loop's calls' RTCP, live and ended alike (rtpengine samples as reports arrive). */
    final QualitySamples quality = new QualitySamples();
    /** SRTP packets refused: their tag did not match, or they were replayed (live and ended calls). */
    long srtpAuthFailures;
    long srtpReplays;
    /** DTLS handshakes that failed, and those of them because a certificate did not match its fingerprint. */
    long dtlsFailures;
    long dtlsFingerprintMismatches;

    // live figures, filled only in a copy
    int sessions;
    int foreignSessions;
    int ipv4Sessions;
    int ipv6Sessions;
    int mixedSessions;
    int activeStreams;

    LoopTotals copy() {
        LoopTotals c = new LoopTotals();
        c.add(this);
        return c;
    }

    void add(LoopTotals o) {
        for (int i = 0; i < closed.length; i++) {
            closed[i] += o.closed[i];
        }
        managedSessions += o.managedSessions;
        packets += o.packets;
        bytes += o.bytes;
        errors += o.errors;
        zeroWayStreams += o.zeroWayStreams;
        oneWayStreams += o.oneWayStreams;
        durationSec += o.durationSec;
        durationSquaredSec += o.durationSquaredSec;
        quality.add(o.quality);
        srtpAuthFailures += o.srtpAuthFailures;
        srtpReplays += o.srtpReplays;
        dtlsFailures += o.dtlsFailures;
        dtlsFingerprintMismatches += o.dtlsFingerprintMismatches;
        sessions += o.sessions;
        foreignSessions += o.foreignSessions;
        ipv4Sessions += o.ipv4Sessions;
        ipv6Sessions += o.ipv6Sessions;
        mixedSessions += o.mixedSessions;
        activeStreams += o.activeStreams;
    }
}

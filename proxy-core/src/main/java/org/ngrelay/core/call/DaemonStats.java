package org.ngrelay.core.call;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.ngrelay.core.quality.QualityTotals;
import org.ngrelay.core.recording.RecordingTotals;

/**
 * One consistent reading of the daemon's figures, for {@code statistics}, {@code /metrics} and
 * the control CLI. Totals include the live calls' packets as well as those of ended calls (as
 * rtpengine's counters do, whatever its CLI text says).
 *
 * @param sessions        calls now
 * @param foreignSessions of those, the ones rtpengine-ctl {@code standby} made foreign
 * @param activeStreams   streams of live calls that received a packet during the last second
 * @param managedSessions calls that have ended (rtpengine counts a session when it is destroyed)
 * @param closed          ended calls by reason, plus {@link CloseReason#REJECTED} refusals
 * @param packetRate      packets per second since the previous reading (at least one second ago)
 * @param maxSessions     the session limit, -1 for none
 * @param quality         the RTCP quality samples of every call so far (live ones included)
 * @param srtpAuthFailures SRTP/SRTCP packets whose tag did not match, every call so far
 * @param srtpReplays     SRTP/SRTCP packets refused as replayed, every call so far
 * @param dtlsFailures    DTLS handshakes that failed, every call so far
 * @param dtlsFingerprintMismatches of those, the ones whose peer certificate did not match its a=fingerprint
 */
public record DaemonStats(long uptimeSec, int sessions, int foreignSessions, int ipv4Sessions, int ipv6Sessions, int mixedSessions,
                          int activeStreams, long managedSessions, Map<CloseReason, Long> closed,
                          long packets, long bytes, long errors, double packetRate, double byteRate, double errorRate,
                          long zeroWayStreams, long oneWayStreams, double callDurationTotalSec,
                          double callDurationSquaredSec, int maxSessions, List<PortUsage> ports,
                          RecordingTotals recording, QualityTotals quality, long srtpAuthFailures, long srtpReplays,
                          long dtlsFailures, long dtlsFingerprintMismatches) {

    public DaemonStats {
        closed = Map.copyOf(closed);
        ports = List.copyOf(ports);
    }

    /**
     * One interface's port range, counted in ports (an RTP/RTCP pair is two), as rtpengine counts.
     *
     * @param last the last port handed out, or 0
     */
    public record PortUsage(String name, InetAddress address, int min, int max, int used, int total, int last) {
        public int free() {
            return total - used;
        }
    }

    public int ownSessions() {
        return sessions - foreignSessions;
    }

    public long closed(CloseReason reason) {
        return closed.getOrDefault(reason, 0L);
    }

    public double averageCallDurationSec() {
        return managedSessions == 0 ? 0 : callDurationTotalSec / managedSessions;
    }

    public double callDurationStddevSec() {
        if (managedSessions == 0) {
            return 0;
        }
        double avg = averageCallDurationSec();
        return Math.sqrt(Math.max(0, callDurationSquaredSec / managedSessions - avg * avg));
    }
}

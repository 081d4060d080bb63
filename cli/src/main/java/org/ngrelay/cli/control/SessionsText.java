package org.ngrelay.cli.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.sdp.Addresses;

/**
 * {@code list sessions all} and {@code list sessions <call-id>} in rtpengine 10.5's layout,
 * column for column, so scripts written against {@code rtpengine-ctl} read ngrelay's output.
 */
final class SessionsText {

    private SessionsText() {
    }

    /** One line per call: {@code callid: %60s | deletionmark:%4s | created:%12d | proxy:...}. */
    static String oneLine(CallSnapshot c) {
        return String.format(Locale.ROOT, "callid: %60s | deletionmark:%4s | created:%12d | proxy:%s | redis_keyspace:0 | foreign:%s\n",
                c.callId(), yesNo(c.deletionMark()), seconds(c.createdEpochUs() / 1000), proxy(c), yesNo(c.foreign()));
    }

    static String detail(CallSnapshot c, long nowMs) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append("callid: ").append(c.callId()).append('\n');
        sb.append("deletionmark: ").append(yesNo(c.deletionMark())).append('\n');
        sb.append("created: ").append(seconds(c.createdEpochUs() / 1000)).append('\n');
        sb.append("proxy: ").append(proxy(c)).append('\n');
        sb.append("tos: 0\n");
        sb.append("last_signal: ").append(seconds(c.lastSignalEpochMs())).append('\n');
        sb.append("redis_keyspace: 0\n");
        sb.append("foreign: ").append(yesNo(c.foreign())).append("\n\n");
        List<CallSnapshot.Party> parties = c.parties();
        for (int i = 0; i < parties.size(); i++) {
            CallSnapshot.Party p = parties.get(i);
            // rtpengine: the first offer's sender is FROM_TAG, a named answerer TO_TAG, a branch without tag UNKNOWN
            String type = p.tag() == null ? "UNKNOWN" : i == 0 ? "FROM_TAG" : "TO_TAG";
            sb.append(String.format(Locale.ROOT, "--- Tag '%s', type: %s, label '%s', branch '%s', callduration %.6f\n",
                    orEmpty(p.tag()), type, orEmpty(p.label()), orEmpty(p.viaBranch()), (nowMs - p.createdEpochMs()) / 1000.0));
            for (String t : p.subscriptions()) {
                sb.append("---     subscribed to '").append(orEmpty(t)).append("'\n");
            }
            for (String t : p.subscribers()) {
                sb.append("---     subscription of '").append(orEmpty(t)).append("'\n");
            }
            for (CallSnapshot.Media m : p.medias()) {
                // ngrelay does not follow which codec flows (that would be work per packet)
                sb.append(String.format(Locale.ROOT, "------ Media #%d (%s over %s) using unknown codec\n", m.index(), m.type(), m.protocol()));
                for (CallSnapshot.Stream s : m.streams()) {
                    sb.append(String.format(Locale.ROOT, "-------- Port %15s:%-5d <> %15s:%-5d%s, SSRC %x, %d p, %d b, %d e, %d ts%s%s\n",
                            address(s.localAddress()), s.localPort(), endpointAddress(s.endpoint()), endpointPort(s.endpoint()),
                            s.rtcp() ? " (RTCP)" : "", Math.max(0, s.ssrc()), s.packets(), s.bytes(), s.errors(), seconds(s.lastPacketEpochMs()),
                            // ngrelay's additions, only on SRTP legs (10.5's plain lines stay as they were)
                            s.cryptoSuite() == null ? "" : ", SRTP " + s.cryptoSuite(), s.dtlsState() == null ? "" : ", DTLS " + s.dtlsState()));
                }
            }
        }
        return sb.append('\n').toString();
    }

    private static String proxy(CallSnapshot c) {
        return orEmpty(c.createdFrom());
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static long seconds(long epochMs) {
        return TimeUnit.MILLISECONDS.toSeconds(epochMs);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String address(InetAddress a) {
        return a == null ? "" : Addresses.toText(a);
    }

    private static String endpointAddress(InetSocketAddress e) {
        return e == null ? "" : address(e.getAddress());
    }

    private static int endpointPort(InetSocketAddress e) {
        return e == null ? 0 : e.getPort();
    }
}

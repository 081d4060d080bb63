package org.ngrelay.ng.command;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.quality.SsrcReport;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.core.sdp.Addresses;

/** rtpengine's {@code query} (and {@code delete} with from-tag) reply dictionary. */
final class QueryReply {

    private QueryReply() {
    }

    static Map<String, Object> of(CallSnapshot call) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("created", call.createdEpochUs() / 1_000_000);
        reply.put("created_us", call.createdEpochUs() % 1_000_000);
        reply.put("last signal", call.lastSignalEpochMs() / 1000);
        reply.put("SSRC", ssrcs(call.ssrcs()));
        Map<String, Object> tags = new LinkedHashMap<>();
        long[] rtp = new long[3];
        long[] rtcp = new long[3];
        int untagged = 0;
        for (CallSnapshot.Party party : call.parties()) {
            String key = party.tag() != null ? party.tag() : "<untagged " + (++untagged) + ">";
            tags.put(key, party(party, rtp, rtcp));
        }
        reply.put("tags", tags);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("RTP", counters(rtp[0], rtp[1], rtp[2]));
        totals.put("RTCP", counters(rtcp[0], rtcp[1], rtcp[2]));
        reply.put("totals", totals);
        if (!call.recordings().isEmpty()) {
            List<Object> recordings = new ArrayList<>();
            for (RecordingStats r : call.recordings()) {
                recordings.add(recording(r));
            }
            reply.put("recordings", recordings);
        }
        return reply;
    }

    /** rtpengine 10.5's {@code SSRC} dictionary: per reporting SSRC (decimal), its receiver reports' figures. */
    private static Map<String, Object> ssrcs(List<SsrcReport> reports) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SsrcReport r : reports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cumulative loss", r.cumulativeLoss());
            Map<String, Object> average = figures(r.average());
            average.put("samples", (long) r.samples());
            m.put("average MOS", average);
            m.put("lowest MOS", reported(r.lowest()));
            m.put("highest MOS", reported(r.highest()));
            Map<String, Object> progression = new LinkedHashMap<>();
            progression.put("interval", r.intervalSec());
            List<Object> entries = new ArrayList<>();
            for (SsrcReport.Figures f : r.progression()) {
                entries.add(reported(f));
            }
            progression.put("entries", entries);
            m.put("MOS progression", progression);
            out.put(Long.toString(r.ssrc()), m);
        }
        return out;
    }

    private static Map<String, Object> figures(SsrcReport.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MOS", (long) f.mos());
        m.put("round-trip time", f.rttUs());
        m.put("round-trip time leg", f.rttLegUs());
        m.put("jitter", f.jitterMs());
        m.put("packet loss", (long) f.lossPercent());
        return m;
    }

    private static Map<String, Object> reported(SsrcReport.Figures f) {
        Map<String, Object> m = figures(f);
        m.put("reported at", f.reportedEpochSec());
        return m;
    }

    /** ngrelay's figures of one recording session (extra keys: rtpengine clients ignore them). */
    static Map<String, Object> recording(RecordingStats r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("packets", r.packets());
        m.put("dropped-packets", r.droppedPackets());
        m.put("duration-ms", r.durationMs());
        if (r.error() != null) {
            m.put("error", r.error());
        }
        return m;
    }

    private static Map<String, Object> party(CallSnapshot.Party party, long[] rtp, long[] rtcp) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tag", party.tag() == null ? "" : party.tag());
        if (party.label() != null) {
            p.put("label", party.label());
        }
        if (party.viaBranch() != null) {
            p.put("via-branch", party.viaBranch());
        }
        p.put("created", party.createdEpochMs() / 1000);
        p.put("subscriptions", subscriptions(party.subscriptions()));
        p.put("subscribers", subscriptions(party.subscribers()));
        List<Object> medias = new ArrayList<>();
        for (CallSnapshot.Media media : party.medias()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", (long) media.index());
            m.put("type", media.type() == null ? "" : media.type());
            m.put("protocol", media.protocol() == null ? "" : media.protocol());
            List<Object> streams = new ArrayList<>();
            for (CallSnapshot.Stream s : media.streams()) {
                streams.add(stream(s));
                long[] totals = s.rtcp() ? rtcp : rtp;
                totals[0] += s.packets();
                totals[1] += s.bytes();
                totals[2] += s.errors();
            }
            m.put("streams", streams);
            m.put("flags", new ArrayList<>(media.flags()));
            medias.add(m);
        }
        p.put("medias", medias);
        return p;
    }

    private static List<Object> subscriptions(List<String> tags) {
        List<Object> out = new ArrayList<>();
        for (String tag : tags) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("tag", tag == null ? "" : tag);
            s.put("type", "offer/answer");
            out.add(s);
        }
        return out;
    }

    private static Map<String, Object> stream(CallSnapshot.Stream s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.localAddress() != null) {
            m.put("local port", (long) s.localPort());
            m.put("local address", Addresses.toText(s.localAddress()));
            m.put("family", family(s.localAddress()));
        }
        m.put("endpoint", endpoint(s.endpoint()));
        m.put("advertised endpoint", endpoint(s.advertised()));
        if (s.cryptoSuite() != null) {
            m.put("crypto suite", s.cryptoSuite());
        }
        if (s.dtlsState() != null) {
            m.put("DTLS state", s.dtlsState()); // ngrelay's: 10.5 shows only the media flags
        }
        m.put("last packet", s.lastPacketEpochMs() / 1000);
        m.put("flags", new ArrayList<>(s.flags()));
        if (s.ssrc() >= 0) {
            // rtpengine 10.5: the last SSRC seen, once a packet came
            m.put("SSRC", s.ssrc());
        }
        m.put("stats", counters(s.packets(), s.bytes(), s.errors()));
        return m;
    }

    private static Map<String, Object> endpoint(InetSocketAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a != null) {
            m.put("family", family(a.getAddress()));
            m.put("address", Addresses.toText(a.getAddress()));
            m.put("port", (long) a.getPort());
        }
        return m;
    }

    private static String family(InetAddress a) {
        return a instanceof Inet6Address ? "IPv6" : "IPv4";
    }

    private static Map<String, Object> counters(long packets, long bytes, long errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packets", packets);
        m.put("bytes", bytes);
        m.put("errors", errors);
        return m;
    }
}

package org.ngrelay.core.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.quality.SsrcReport;

/** Builds a call's {@link CallSnapshot} ({@code query}, {@code delete}, the CLI) on its loop, in rtpengine 10.5's terms. */
final class CallReport {

    private CallReport() {
    }

    static CallSnapshot of(Call call, List<Monologue> monologues, long createdEpochUs, long lastSignalEpochMs, String createdFrom,
                           boolean deletionMark) {
        long nowNs = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        List<CallSnapshot.Party> parties = new ArrayList<>();
        for (Monologue m : monologues) {
            List<String> subscriptions = new ArrayList<>();
            for (int i = monologues.size() - 1; i >= 0; i--) {
                Monologue other = monologues.get(i);
                if (other != m && other.peer == m) {
                    subscriptions.add(other.tag);
                }
            }
            List<String> subscribers = m.peer == null ? List.of() : Collections.singletonList(m.peer.tag);
            List<CallSnapshot.Media> medias = new ArrayList<>();
            for (CallMedia media : m.medias) {
                medias.add(new CallSnapshot.Media(media.index + 1, media.type, media.protocol, mediaFlags(media),
                        List.of(stream(media, media.rtp, createdEpochUs, nowNs, nowMs), stream(media, media.rtcp, createdEpochUs, nowNs, nowMs))));
            }
            parties.add(new CallSnapshot.Party(m.tag, m.label, m.viaBranch, m.createdMs, subscriptions, subscribers, medias));
        }
        Map<Long, SsrcReport> ssrcs = new LinkedHashMap<>();
        for (Monologue m : monologues) {
            m.ssrcs.reports(ssrcs);
        }
        return new CallSnapshot(call.id(), createdEpochUs, lastSignalEpochMs, parties, call.recording.stats(), createdFrom, deletionMark,
                List.copyOf(ssrcs.values()), call.foreign);
    }

    /** rtpengine's media flags, in its order; send/recv are ngrelay's view (a sendonly party: recv). */
    private static List<String> mediaFlags(CallMedia media) {
        List<String> flags = new ArrayList<>();
        if (media.described) {
            flags.add("initialized");
        }
        if (media.rtp.options.asymmetric()) {
            flags.add("asymmetric");
        }
        String dir = media.flagDirection == null ? "sendrecv" : media.flagDirection;
        if (dir.equals("sendrecv") || dir.equals("recvonly")) {
            flags.add("send");
        }
        if (dir.equals("sendrecv") || dir.equals("sendonly")) {
            flags.add("recv");
        }
        if (media.rtcpMux) {
            flags.add("rtcp-mux");
        }
        // 10.5's media flags for SRTP: DTLS-SRTP once DTLS is offered or agreed, the role agreed (both
        // while an SRTP offer awaits its answer, even with DTLS off), SDES once SDES is offered or agreed
        if (media.rtp.dtls != null) {
            flags.add("DTLS-SRTP");
            flags.add(media.rtp.dtls.client() ? "DTLS role active" : "DTLS role passive");
        } else {
            if (media.dtlsOffered) {
                flags.add("DTLS-SRTP");
            }
            if (media.srtpOfferPending) {
                flags.add("DTLS role active");
                flags.add("DTLS role passive");
            }
        }
        if (media.srtpSuite != null || !media.offeredCrypto.isEmpty()) {
            flags.add("SDES"); // the party speaks SDES-SRTP (terminated or passed through), or ngrelay offered it SDES
        }
        if (media.trickleIce) {
            flags.add("trickle ICE");
        }
        if (media.iceControlling) {
            flags.add("ICE controlling");
        }
        return flags;
    }

    private static CallSnapshot.Stream stream(CallMedia media, PacketStream s, long createdEpochUs, long nowNs, long nowMs) {
        List<String> flags = new ArrayList<>();
        flags.add(s.isRtcp() ? "RTCP" : "RTP");
        if (media.rtcpMux) {
            flags.add(s.isRtcp() ? "fallback RTCP" : "RTCP");
        }
        if (media.described || s.latch.latched()) {
            flags.add("filled");
        }
        if (s.latch.confirmed(nowNs)) {
            flags.add("confirmed");
        }
        if (s.options.strictSource()) {
            flags.add("strict source address");
        }
        if (s.options.mediaHandover()) {
            flags.add("media handover");
        }
        DtlsLink dtls = s.dtls != null ? s.dtls : media.rtcpMux ? media.rtp.dtls : null;
        long lastNs = s.counter.lastPacketNs();
        long lastPacketMs = lastNs == 0 ? createdEpochUs / 1000 : nowMs - TimeUnit.NANOSECONDS.toMillis(nowNs - lastNs);
        return new CallSnapshot.Stream(s.isRtcp(), s.localPort(), media.hasPorts() ? media.iface.address() : null,
                s.latch.endpoint() != null ? s.latch.endpoint() : s.advertised, s.advertised, lastPacketMs, flags,
                s.counter.packets(), s.counter.bytes(), s.counter.errors(), s.ssrc(),
                cryptoSuite(media, s), dtls == null ? null : dtls.state().text);
    }

    /**
     * The suite in use with the party (ngrelay's context, or what an SDES passthrough agreed);
     * before any is agreed, the first one ngrelay offered it, as
     * 10.5 reports its own first SDES line even while a DTLS handshake has yet to choose.
     */
    private static String cryptoSuite(CallMedia media, PacketStream s) {
        if (s.inbound() != null) {
            return s.inbound().suite().name();
        }
        if (media.srtpSuite != null) {
            return media.srtpSuite; // SDES passed through: the suite the two parties agreed
        }
        return media.offeredCrypto.isEmpty() ? null : media.offeredCrypto.get(0).suite();
    }
}

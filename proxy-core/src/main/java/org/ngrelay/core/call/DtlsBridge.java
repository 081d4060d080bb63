package org.ngrelay.core.call;

import java.util.List;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.sdp.DtlsLines;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.sdp.SessionDescription;

/**
 * Where ngrelay terminates DTLS-SRTP (RFC 5763/5764), as rtpengine 10.5 does it
 * (golden/rtpengine-10.5/dtls): towards a party whose protocol is SRTP (RTP/SAVP(F) or
 * UDP/TLS/RTP/SAVP(F)) ngrelay offers {@code a=setup:actpass} and its fingerprint (unless
 * {@code DTLS: off}), alongside the SDES lines; a party that offers DTLS itself is always answered
 * by ngrelay ({@code a=setup:active}, or {@code passive} when the party is active, or when
 * {@code DTLS: passive}/{@code --dtls-passive} asks), never passed on. DTLS is preferred over SDES
 * when a party offers or answers both. The handshakes start at the answer: ngrelay's role from
 * the two a=setup lines, the party's certificate pinned to its fingerprint. Runs on the call's loop.
 */
final class DtlsBridge {

    /**
     * What the SDP towards a party says: its protocol and ngrelay's DTLS lines ({@link DtlsLines#NONE}:
     * none); {@code offererDtls}: an answer to an offerer that speaks DTLS, which so gets no crypto
     * line (DTLS over SDES).
     */
    record Plan(String protocol, DtlsLines lines, boolean offererDtls) {
    }

    private DtlsBridge() {
    }

    static boolean udpTls(String protocol) {
        return protocol.equals("UDP/TLS/RTP/SAVP") || protocol.equals("UDP/TLS/RTP/SAVPF");
    }

    /** Any SRTP protocol: SDES's or DTLS's. */
    static boolean srtp(String protocol) {
        return SdesBridge.sdes(protocol) || udpTls(protocol);
    }

    /** An offer from {@code sender} towards {@code recipient}; null when DTLS plays no part in it. */
    static Plan offer(CallMedia sender, CallMedia recipient, MediaSection m, SessionDescription sdp, String transportProtocol,
                      DtlsRequest request, DtlsConfig config) {
        String towards = transportProtocol != null ? transportProtocol : m.protocol();
        Fingerprint theirs = srtp(m.protocol()) ? Fingerprint.parse(attribute(m, sdp, "fingerprint")) : null;
        sender.partyFingerprint = theirs;
        sender.partySetup = theirs == null ? null : setup(m, sdp);
        if (theirs == null) {
            sender.endDtls();
        }
        boolean terminated = srtp(towards) && (SdesBridge.plain(m.protocol()) || theirs != null);
        boolean offer = terminated && request.mode() != DtlsRequest.Mode.OFF;
        recipient.dtlsOffered = offer;
        recipient.srtpOfferPending = terminated;
        if (!offer && theirs == null) {
            return null;
        }
        return new Plan(towards, offer ? new DtlsLines("actpass", ours(config, request)) : DtlsLines.NONE, false);
    }

    /**
     * The answer from {@code sender} (the answerer) to {@code recipient} (the offerer): starts or
     * keeps the handshakes; null when DTLS plays no part. Clears the SDES keys of a party that
     * speaks DTLS (DTLS is preferred), so call it after {@link SdesBridge#answer}.
     */
    static Plan answer(CallMedia sender, CallMedia recipient, MediaSection m, SessionDescription sdp, DtlsRequest request,
                       DtlsConfig config) {
        DtlsLines lines = null;
        sender.srtpOfferPending = false;
        Fingerprint answered = sender.dtlsOffered && srtp(m.protocol()) ? Fingerprint.parse(attribute(m, sdp, "fingerprint")) : null;
        if (answered != null) {
            String setup = setup(m, sdp);
            sender.partyFingerprint = answered;
            sender.partySetup = setup;
            // the answerer is the client when it says active; passive (or, wrongly, actpass or nothing): ngrelay is
            start(sender, config, !"active".equals(setup), answered);
            SdesBridge.clear(sender);
            lines = DtlsLines.NONE;
        } else {
            sender.partyFingerprint = null;
            sender.dtlsOffered = false; // answered without DTLS: the offer is over
            sender.endDtls();
        }
        if (recipient.partyFingerprint != null) {
            boolean passive = !"passive".equals(recipient.partySetup)
                    && ("active".equals(recipient.partySetup) || request.mode() == DtlsRequest.Mode.PASSIVE || config.passive());
            start(recipient, config, !passive, recipient.partyFingerprint);
            SdesBridge.clear(recipient);
            recipient.partyCrypto = List.of();
            lines = new DtlsLines(passive ? "passive" : "active", ours(config, request));
        }
        return lines == null ? null : new Plan(recipient.protocol, lines, recipient.partyFingerprint != null);
    }

    /** DTLS on the party's RTP stream, and on its RTCP stream unless RTCP is muxed (RFC 5764 §4.1: one association per component). */
    private static void start(CallMedia party, DtlsConfig config, boolean client, Fingerprint fingerprint) {
        party.rtp.dtls(config, client, fingerprint);
        if (party.rtcpMux) {
            party.rtcp.endDtls();
        } else {
            party.rtcp.dtls(config, client, fingerprint);
        }
    }

    private static String ours(DtlsConfig config, DtlsRequest request) {
        return config.certificate().fingerprint(request.fingerprintHash()).attribute();
    }

    private static String setup(MediaSection m, SessionDescription sdp) {
        String setup = attribute(m, sdp, "setup");
        return setup == null ? "actpass" : setup.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Media level first, then session level (RFC 8122 allows both). */
    private static String attribute(MediaSection m, SessionDescription sdp, String name) {
        String value = m.attribute(name);
        return value != null ? value : sdp.sessionAttribute(name);
    }
}

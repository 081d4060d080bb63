package org.ngrelay.ng.command;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.core.call.DtlsRequest;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.path.EndpointLearning;
import org.ngrelay.core.call.EndpointOptions;
import org.ngrelay.core.call.IceMode;
import org.ngrelay.core.call.OfferAnswer;
import org.ngrelay.core.call.RtcpMuxMode;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.core.sdp.CodecRules;
import org.ngrelay.core.sdp.RewriteOptions;
import org.ngrelay.core.sdp.SdpException;
import org.ngrelay.core.sdp.SessionDescription;

/** Builds the typed {@link OfferAnswer} from an ng offer or answer, checking what rtpengine checks. */
final class OfferAnswerParser {

    private static final Logger LOG = Logger.getLogger(OfferAnswerParser.class.getName());

    private OfferAnswerParser() {
    }

    /** What parsing found that the reply should warn about. */
    record Parsed(OfferAnswer request, String warning) {
    }

    static Parsed parse(NgRequest r, boolean answer, NgOptions options) {
        String callId = Commands.requireCallId(r);
        String fromTag = r.string("from-tag");
        if (fromTag == null) {
            throw new NgError(NgError.NO_FROM_TAG);
        }
        String toTag = r.string("to-tag");
        if (answer && toTag == null) {
            throw new NgError(NgError.NO_TO_TAG);
        }
        String sdpText = r.string("sdp");
        if (sdpText == null || sdpText.isEmpty()) {
            throw new NgError(NgError.NO_SDP);
        }
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(sdpText, options.rejectInvalidSdp());
        } catch (SdpException e) {
            throw new NgError(e.reason(), e.getMessage());
        }
        if (sdp.media().isEmpty()) {
            throw new NgError(NgError.NO_MEDIA, "the SDP has no m= line");
        }
        StringBuilder warnings = new StringBuilder();
        OfferAnswer request = new OfferAnswer(
                new Dialog(callId, fromTag, toTag, r.string("via-branch")),
                r.string("label"),
                sdp,
                endpointOptions(r, options, warnings),
                rewriteOptions(r, warnings),
                address(r, "media-address"),
                addressFamily(r),
                r.strings("direction"),
                ice(r),
                rtcpMux(r),
                r.flag("loop-protect"),
                r.integer("TOS") != null ? r.integer("TOS") : -1,
                transportProtocol(r),
                recordCall(r),
                r.string("metadata"),
                r.source(),
                SdesWords.parse(r.strings("SDES"), r.strings("OSRTP")),
                dtls(r, warnings));
        transport(r, sdp, warnings);
        return new Parsed(request, warnings.length() == 0 ? null : warnings.toString());
    }

    /** {@code DTLS: off|passive|active}, {@code DTLS-fingerprint: SHA-1..SHA-512}, flag {@code DTLS-reverse}; unknown values warn, as 10.5 logs them. */
    private static DtlsRequest dtls(NgRequest r, StringBuilder warnings) {
        String value = r.string("DTLS");
        DtlsRequest.Mode mode = DtlsRequest.Mode.parse(value);
        if (mode == null) {
            warn(warnings, "Unknown 'DTLS' value '" + value + "' ignored");
            mode = DtlsRequest.Mode.DEFAULT;
        }
        String hash = DtlsRequest.DEFAULT.fingerprintHash();
        String requested = r.string("DTLS-fingerprint");
        if (requested != null) {
            String canonical = Fingerprint.canonical(requested.trim());
            if (canonical != null) {
                hash = canonical;
            } else {
                warn(warnings, "Unknown 'DTLS-fingerprint' value '" + requested + "' ignored");
            }
        }
        return new DtlsRequest(mode, hash, r.flag("dtls-reverse"));
    }

    /** {@code record call: yes|on|no|off} (also as the flag {@code record-call[=..]}); absent: unchanged. */
    static Boolean recordCall(NgRequest r) {
        if (r.has("record-call")) {
            return r.yes("record-call");
        }
        return r.flag("record-call") ? Boolean.TRUE : null;
    }

    private static EndpointOptions endpointOptions(NgRequest r, NgOptions options, StringBuilder warnings) {
        InetAddress receivedFrom = null;
        List<String> rf = r.strings("received-from");
        if (rf.size() == 2) {
            receivedFrom = Addresses.parseLiteral(rf.get(1));
        }
        // --sip-source makes the SIP source the default; trust-address (or the SIP-source flag) decides per request
        boolean useSource = r.flag("sip-source-address", "sip-source") || options.sipSource() && !r.flag("trust-address");
        boolean sipSource = useSource && receivedFrom != null && !receivedFrom.isAnyLocalAddress();
        EndpointLearning learning = options.learning();
        String requested = r.text("endpoint-learning");
        if (requested != null) {
            EndpointLearning given = EndpointLearning.parse(requested);
            if (given != null) {
                learning = given;
            } else {
                warn(warnings, "Unknown 'endpoint-learning' value '" + requested + "' ignored");
            }
        }
        return new EndpointOptions(sipSource, receivedFrom, r.flag("asymmetric"),
                r.flag("strict-source"), r.flag("media-handover"), learning);
    }

    private static RewriteOptions rewriteOptions(NgRequest r, StringBuilder warnings) {
        boolean origin = false;
        boolean zeroAddress = false;
        boolean sdpVersion = false;
        for (String what : r.strings("replace")) {
            switch (NgRequest.normaliseKey(what).toLowerCase(Locale.ROOT)) {
                case "origin", "origin-full" -> origin = true;
                case "zero-address" -> zeroAddress = true;
                case "sdp-version" -> sdpVersion = true;
                // session-connection: c= is always rewritten (rtpengine 10.5 too); the others change
                // nothing visible in 10.5 (golden 035).
                default -> LOG.fine(() -> "replace: '" + what + "' changes nothing");
            }
        }
        Integer ptime = r.integer("ptime");
        return new RewriteOptions(origin, zeroAddress, r.flag("no-rtcp-attribute"), r.flag("full-rtcp-attribute"),
                r.flag("original-sendrecv"), null, ptime != null && ptime > 0 ? ptime.toString() : null,
                codecs(r, warnings), sdpVersion);
    }

    private static CodecRules codecs(NgRequest r, StringBuilder warnings) {
        Map<String, Object> codec = r.dict("codec");
        if (codec.isEmpty()) {
            return CodecRules.NONE;
        }
        List<String> transcode = list(codec.get("transcode"));
        if (!transcode.isEmpty()) {
            warn(warnings, "Transcoding is not supported by this ngrelay version: codec-transcode " + transcode + " ignored");
        }
        return new CodecRules(list(codec.get("strip")), list(codec.get("mask")), list(codec.get("offer")),
                list(codec.get("except")));
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value instanceof String s ? List.of(s) : List.of();
    }

    private static InetAddress address(NgRequest r, String key) {
        String text = r.string(key);
        return text == null ? null : Addresses.parseLiteral(text);
    }

    private static Boolean addressFamily(NgRequest r) {
        String af = r.string("address-family");
        if (af == null) {
            return null;
        }
        return af.equalsIgnoreCase("IP6") ? Boolean.TRUE : af.equalsIgnoreCase("IP4") ? Boolean.FALSE : null;
    }

    private static IceMode ice(NgRequest r) {
        String ice = r.string("ICE");
        if (ice == null || ice.equalsIgnoreCase("default")) {
            return IceMode.DEFAULT;
        }
        return ice.equalsIgnoreCase("remove") ? IceMode.REMOVE : IceMode.UNSUPPORTED;
    }

    private static Set<RtcpMuxMode> rtcpMux(NgRequest r) {
        Set<RtcpMuxMode> modes = EnumSet.noneOf(RtcpMuxMode.class);
        for (String mode : r.strings("rtcp-mux")) {
            try {
                modes.add(RtcpMuxMode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                LOG.fine(() -> "unknown rtcp-mux value '" + mode + "'");
            }
        }
        return modes;
    }

    /** {@code transport-protocol}; {@code accept} changes nothing in 10.5 (golden/rtpengine-10.5/dtls), so it is none. */
    private static String transportProtocol(NgRequest r) {
        String tp = r.string("transport-protocol");
        return tp == null || tp.equalsIgnoreCase("accept") ? null : tp;
    }

    /**
     * Every conversion among RTP/AVP, RTP/AVPF, RTP/SAVP, RTP/SAVPF, UDP/TLS/RTP/SAVP and
     * UDP/TLS/RTP/SAVPF is built (SDP, SDES, DTLS-SRTP); another protocol (10.5 knows UDPTL, TCP
     * and more) stays as offered, said in a warning, never silently.
     */
    private static void transport(NgRequest r, SessionDescription sdp, StringBuilder warnings) {
        String tp = r.string("transport-protocol");
        if (tp == null || tp.equalsIgnoreCase("accept")) {
            return;
        }
        for (org.ngrelay.core.sdp.MediaSection m : sdp.media()) {
            if (!m.rejected() && !m.protocol().equals(tp) && !(rtp(m.protocol()) && rtp(tp))) {
                warn(warnings, "transport-protocol " + tp + " is not supported by this ngrelay version for "
                        + m.protocol() + " media: the media protocol was left as offered");
                return;
            }
        }
    }

    private static boolean rtp(String protocol) {
        return protocol.equals("RTP/AVP") || protocol.equals("RTP/AVPF") || protocol.equals("RTP/SAVP") || protocol.equals("RTP/SAVPF")
                || protocol.equals("UDP/TLS/RTP/SAVP") || protocol.equals("UDP/TLS/RTP/SAVPF");
    }

    private static void warn(StringBuilder warnings, String text) {
        if (warnings.length() > 0) {
            warnings.append("; ");
        }
        warnings.append(text);
    }
}

package org.ngrelay.core.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the SDP ngrelay sends on, from the SDP it received, the way rtpengine 10.5 does
 * (observed rules, see proxy-core's golden tests):
 * <ul>
 *   <li>session lines keep their place and terminator; the session {@code c=} is rewritten only
 *       when some media section relies on it; {@code o=} changes only with replace-origin;
 *       session-level direction and ICE attributes move out (direction into each media), and so
 *       does {@code a=group:BUNDLE} (10.5 does not bundle; other groups stay);</li>
 *   <li>{@code m=} and the other non-attribute media lines keep their terminator;
 *       {@code c=} lines get our address, a zero address (hold) stays zero;</li>
 *   <li>media attributes are printed anew in rtpengine's order, generated ones with CRLF: unknown
 *       ones as they came (terminator included), {@code a=mid}, {@code rtpmap}/{@code fmtp}/{@code rtcp-fb} per payload type (a missing static
 *       {@code rtpmap} is added), direction ({@code sendrecv} when none, {@code sendonly} for a held
 *       sendrecv), {@code a=rtcp}, {@code a=rtcp-mux}, crypto, setup, fingerprint, ptime;</li>
 *   <li>ICE attributes are removed (rtpengine never passes a peer's candidates on);</li>
 *   <li>a rejected media section keeps only its {@code m=} (port 0) and {@code c=} lines.</li>
 * </ul>
 */
public final class SdpRewriter {

    private static final String CRLF = "\r\n";

    private SdpRewriter() {
    }

    /**
     * @param source        the SDP as received
     * @param plans         one plan per media section of {@code source}, same order
     * @param originAddress our address for {@code o=} with replace-origin (the first media's)
     */
    public static String rewrite(SessionDescription source, List<MediaPlan> plans, InetAddress originAddress,
                                 RewriteOptions options) {
        if (plans.size() != source.media().size()) {
            throw new IllegalArgumentException("one plan per media section");
        }
        StringBuilder out = new StringBuilder(1024);
        boolean sessionConnectionUsed = false;
        InetAddress sessionAddress = null;
        for (int i = 0; i < plans.size(); i++) {
            if (source.media().get(i).connection() == null) {
                sessionConnectionUsed = true;
                if (sessionAddress == null) {
                    sessionAddress = plans.get(i).address();
                }
            }
        }
        for (SdpLine line : source.sessionLines()) {
            switch (line.type()) {
                case 'c' -> {
                    if (sessionConnectionUsed) {
                        appendConnection(out, line, sessionAddress, options, line.eol());
                    } else {
                        append(out, line);
                    }
                }
                case 'o' -> append(out, 'o', options.replaceOrigin() ? replaceOriginAddress(line.value(), originAddress) : line.value(), line.eol());
                case 'a' -> {
                    String name = line.attributeName();
                    if (!SdpAttributes.ICE.contains(name) && !SdpAttributes.isDirection(name)
                            && !SdpAttributes.isBundleGroup(line)) {
                        append(out, line);
                    }
                }
                default -> append(out, line);
            }
        }
        if (options.loopProtectTag() != null) {
            append(out, 'a', "rtpengine:" + options.loopProtectTag(), CRLF);
        }
        for (int i = 0; i < plans.size(); i++) {
            appendMedia(out, source, i, plans.get(i), options);
        }
        return out.toString();
    }

    private static void appendMedia(StringBuilder out, SessionDescription source, int index, MediaPlan plan,
                                    RewriteOptions options) {
        MediaSection media = source.media().get(index);
        List<String> formats = plan.isRejected() ? media.formats() : outgoingFormats(media, plan, options);
        append(out, media.mLine(plan.rtpPort(), plan.isRejected() ? null : plan.protocol(), formats));
        for (SdpLine line : media.lines()) {
            if (line.type() == 'c') {
                appendConnection(out, line, plan.address(), options, line.eol());
            } else if (line.type() != 'a' && !plan.isRejected()) {
                append(out, line);
            }
        }
        if (plan.isRejected()) {
            return;
        }
        String direction = source.direction(index);
        if (direction == null) {
            direction = "sendrecv";
        }
        if (Addresses.isAny(source.connection(index).address())) {
            // A zero address means the party does not receive (RFC 3264 §8.4): say so explicitly.
            direction = direction.equals("sendrecv") ? "sendonly" : direction.equals("recvonly") ? "inactive" : direction;
        }
        List<SdpLine> mid = new ArrayList<>();
        List<SdpLine> crypto = new ArrayList<>();
        List<SdpLine> setup = new ArrayList<>();
        List<SdpLine> fingerprint = new ArrayList<>();
        boolean directionPrinted = false;
        for (SdpLine line : media.lines()) {
            if (!line.isAttribute()) {
                continue;
            }
            String name = line.attributeName();
            switch (name) {
                case "rtpmap", "fmtp", "rtcp", "rtcp-mux", "ptime" -> {
                }
                case "rtcp-fb" -> {
                    if (payloadOf(line).equals("*")) {
                        append(out, line); // for every format: stays where it stood
                    }
                }
                case "mid" -> mid.add(line);
                case "crypto" -> crypto.add(line);
                case "setup" -> setup.add(line);
                case "fingerprint" -> fingerprint.add(line);
                default -> {
                    if (SdpAttributes.isDirection(name)) {
                        // original-sendrecv keeps the direction where it stood (rtpengine 10.5)
                        if (options.originalSendrecv() && !directionPrinted) {
                            append(out, 'a', direction, CRLF);
                            directionPrinted = true;
                        }
                    } else if (!SdpAttributes.ICE.contains(name)) {
                        append(out, line); // copied, so its terminator stays (golden 016)
                    }
                }
            }
        }
        appendAll(out, mid);
        for (String format : formats) {
            appendPayloadAttributes(out, media, format);
        }
        if (!directionPrinted) {
            append(out, 'a', direction, CRLF);
        }
        if (!options.noRtcpAttribute()) {
            append(out, 'a', options.fullRtcpAttribute()
                    ? "rtcp:" + plan.rtcpPort() + " " + Connection.format(plan.address())
                    : "rtcp:" + plan.rtcpPort(), CRLF);
        }
        if (plan.rtcpMux()) {
            append(out, 'a', "rtcp-mux", CRLF);
        }
        if (plan.trickleIce()) {
            append(out, 'a', "ice-options:trickle", CRLF);
            append(out, 'a', "end-of-candidates", CRLF);
        }
        if (plan.crypto() == null) {
            appendAll(out, crypto);
        } else {
            for (CryptoLine c : plan.crypto()) {
                append(out, 'a', "crypto:" + c.value(), CRLF);
            }
        }
        if (plan.dtls() == null) {
            appendAll(out, setup);
            appendAll(out, fingerprint);
        } else {
            if (plan.dtls().setup() != null) {
                append(out, 'a', "setup:" + plan.dtls().setup(), CRLF);
            }
            if (plan.dtls().fingerprint() != null) {
                append(out, 'a', "fingerprint:" + plan.dtls().fingerprint(), CRLF);
            }
        }
        String ptime = options.ptime() != null ? options.ptime() : media.ptime() != null ? media.ptime() : plan.ptime();
        if (ptime != null) {
            append(out, 'a', "ptime:" + ptime, CRLF);
        }
    }

    private static List<String> outgoingFormats(MediaSection media, MediaPlan plan, RewriteOptions options) {
        List<String> formats = options.codecs().apply(media);
        if (plan.allowedFormats() == null) {
            return formats;
        }
        List<String> allowed = new ArrayList<>();
        for (String f : formats) {
            if (plan.allowedFormats().contains(f)) {
                allowed.add(f);
            }
        }
        return allowed;
    }

    private static void appendAll(StringBuilder out, List<SdpLine> lines) {
        for (SdpLine line : lines) {
            append(out, 'a', line.value(), CRLF);
        }
    }

    /**
     * rtpmap (generated for a static type without one), then the fmtp and the rtcp-fb lines of one
     * payload type: rtpengine 10.5 keeps them with their codec, so a stripped codec takes its
     * feedback lines with it.
     */
    private static void appendPayloadAttributes(StringBuilder out, MediaSection media, String format) {
        boolean rtpmapSeen = false;
        for (SdpLine line : media.lines()) {
            if (line.attributeIs("rtpmap") && payloadOf(line).equals(format)) {
                append(out, 'a', line.value(), CRLF);
                rtpmapSeen = true;
                break;
            }
        }
        if (!rtpmapSeen) {
            String rtpmap = StaticPayloadTypes.rtpmap(format);
            if (rtpmap != null) {
                append(out, 'a', "rtpmap:" + format + " " + rtpmap, CRLF);
            }
        }
        appendFormatLines(out, media, "fmtp", format);
        appendFormatLines(out, media, "rtcp-fb", format);
    }

    private static void appendFormatLines(StringBuilder out, MediaSection media, String attribute, String format) {
        for (SdpLine line : media.lines()) {
            if (line.attributeIs(attribute) && payloadOf(line).equals(format)) {
                append(out, 'a', line.value(), CRLF);
            }
        }
    }

    private static String payloadOf(SdpLine line) {
        String v = line.attributeValue();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }

    private static void appendConnection(StringBuilder out, SdpLine line, InetAddress ours, RewriteOptions options,
                                         String eol) {
        InetAddress theirs;
        try {
            theirs = Connection.parse(line.value()).address();
        } catch (SdpException e) {
            throw new IllegalStateException("c= line was validated when parsed", e);
        }
        if (Addresses.isAny(theirs) && !options.replaceZeroAddress()) {
            // A zero address is a hold (RFC 3264 §8.4): it passes through as zero, in our family.
            append(out, 'c', Connection.format(zeroOf(ours)), eol);
        } else {
            append(out, 'c', Connection.format(ours), eol);
        }
    }

    private static InetAddress zeroOf(InetAddress family) {
        return Addresses.parseLiteral(family instanceof Inet6Address ? "::" : "0.0.0.0");
    }

    /** o=&lt;user&gt; &lt;sess-id&gt; &lt;version&gt; IN IP4 &lt;addr&gt;: only the address changes. */
    private static String replaceOriginAddress(String origin, InetAddress ours) {
        String[] parts = origin.trim().split(" +");
        if (parts.length != 6 || ours == null) {
            return origin;
        }
        return parts[0] + " " + parts[1] + " " + parts[2] + " " + Connection.format(ours);
    }

    private static void append(StringBuilder out, SdpLine line) {
        append(out, line.type(), line.value(), line.eol().isEmpty() ? CRLF : line.eol());
    }

    private static void append(StringBuilder out, char type, String value, String eol) {
        out.append(type).append('=').append(value).append(eol);
    }
}

package org.ngrelay.bench.load;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SDP a SIP phone would send for a G.711 call, and where a rewritten SDP says to send media. */
final class Sdp {

    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP[46] (\\S+)");
    private static final Pattern AUDIO = Pattern.compile("(?m)^m=audio (\\d+) (\\S+)");

    private Sdp() {
    }

    /** An offer (PCMU, PCMA, telephone-event) or answer (PCMU, telephone-event) receiving on {@code media}. */
    static String g711(InetSocketAddress media, long sessionId, boolean offer) {
        return g711(media, sessionId, offer, "RTP/AVP", null);
    }

    /** The same with another transport {@code profile} and one more media-level line (e.g. a=crypto), or none. */
    static String g711(InetSocketAddress media, long sessionId, boolean offer, String profile, String mediaLine) {
        String ip = media.getAddress().getHostAddress();
        return "v=0\r\n"
                + "o=- " + sessionId + " 1 IN IP4 " + ip + "\r\n"
                + "s=-\r\n"
                + "c=IN IP4 " + ip + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + media.getPort() + " " + profile + " " + (offer ? "0 8 101" : "0 101") + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + (offer ? "a=rtpmap:8 PCMA/8000\r\n" : "")
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n"
                + (mediaLine == null ? "" : mediaLine + "\r\n");
    }

    /** The transport profile of {@code sdp}'s first m=audio line (RTP/AVP, RTP/SAVP, ...). */
    static String audioProfile(String sdp) {
        Matcher m = AUDIO.matcher(sdp);
        if (!m.find()) {
            throw new IllegalArgumentException("no m=audio in the daemon's SDP:\n" + sdp);
        }
        return m.group(2);
    }

    /** The audio destination of {@code sdp}: its first c= address and m=audio port. */
    static InetSocketAddress audioTarget(String sdp) {
        Matcher c = CONNECTION.matcher(sdp);
        Matcher m = AUDIO.matcher(sdp);
        if (!c.find() || !m.find()) {
            throw new IllegalArgumentException("no c= line or m=audio in the daemon's SDP:\n" + sdp);
        }
        return new InetSocketAddress(c.group(1), Integer.parseInt(m.group(1)));
    }
}

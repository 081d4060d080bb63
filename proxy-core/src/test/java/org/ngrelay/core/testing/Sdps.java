package org.ngrelay.core.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SDP bodies a phone would send, and reading back where ngrelay wants media. */
public final class Sdps {

    private static final Pattern M_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern RTCP = Pattern.compile("(?m)^a=rtcp:(\\d+)");
    private static final Pattern C = Pattern.compile("(?m)^c=IN IP[46] (\\S+)");

    private Sdps() {
    }

    /** A G.711 offer/answer from {@code address}, with an explicit {@code a=rtcp} port. */
    public static String audio(String user, String address, int rtpPort, int rtcpPort) {
        return "v=0\r\n"
                + "o=" + user + " 1234 1 IN IP4 " + address + "\r\n"
                + "s=-\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=rtcp:" + rtcpPort + "\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    public static int audioPort(String sdp) {
        return group(M_PORT, sdp);
    }

    public static int rtcpPort(String sdp) {
        return group(RTCP, sdp);
    }

    public static String connectionAddress(String sdp) {
        Matcher m = C.matcher(sdp);
        if (!m.find()) {
            throw new AssertionError("no c= line in\n" + sdp);
        }
        return m.group(1);
    }

    private static int group(Pattern p, String sdp) {
        Matcher m = p.matcher(sdp);
        if (!m.find()) {
            throw new AssertionError(p + " not found in\n" + sdp);
        }
        return Integer.parseInt(m.group(1));
    }
}

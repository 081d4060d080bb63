package org.ngrelay.core.sdp;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * What one outgoing media section must say about ngrelay's side.
 *
 * @param address        the advertised address for {@code c=}
 * @param rtpPort        the local RTP port, 0 for a rejected section
 * @param rtcpPort       the port printed in {@code a=rtcp}: the RTCP port, or {@code rtpPort} once
 *                       mux is agreed (an offer of mux keeps the fallback port)
 * @param rtcpMux        print {@code a=rtcp-mux}
 * @param ptime          ptime to print when the source section has none (rtpengine carries the
 *                       other side's ptime over), or null
 * @param allowedFormats in an answer, the payload types the answerer may pick from (what the
 *                       offerer offered); null for no restriction
 * @param protocol       the transport protocol to print in {@code m=}, or null to keep the source's
 * @param trickleIce     the recipient offered trickle ICE: rtpengine 10.5 tells it
 *                       {@code a=ice-options:trickle} and {@code a=end-of-candidates} even with ICE
 *                       removed (golden 153)
 * @param crypto         SDES: null to pass the source's {@code a=crypto} lines on, else the lines to
 *                       print instead (empty: none), when ngrelay terminates SRTP on this leg
 * @param dtls           DTLS-SRTP: null to pass the source's {@code a=setup}/{@code a=fingerprint} on,
 *                       else ngrelay's own ({@link DtlsLines#NONE}: neither)
 */
public record MediaPlan(InetAddress address, int rtpPort, int rtcpPort, boolean rtcpMux, String ptime,
                        Set<String> allowedFormats, String protocol, boolean trickleIce, List<CryptoLine> crypto,
                        DtlsLines dtls) {

    public MediaPlan(InetAddress address, int rtpPort, int rtcpPort, boolean rtcpMux, String ptime,
                     Set<String> allowedFormats, String protocol, boolean trickleIce, List<CryptoLine> crypto) {
        this(address, rtpPort, rtcpPort, rtcpMux, ptime, allowedFormats, protocol, trickleIce, crypto, null);
    }

    public MediaPlan(InetAddress address, int rtpPort, int rtcpPort, boolean rtcpMux, String ptime,
                     Set<String> allowedFormats, String protocol, boolean trickleIce) {
        this(address, rtpPort, rtcpPort, rtcpMux, ptime, allowedFormats, protocol, trickleIce, null);
    }

    public MediaPlan(InetAddress address, int rtpPort, int rtcpPort, boolean rtcpMux, String ptime,
                     Set<String> allowedFormats, String protocol) {
        this(address, rtpPort, rtcpPort, rtcpMux, ptime, allowedFormats, protocol, false);
    }

    public MediaPlan(InetAddress address, int rtpPort, int rtcpPort, boolean rtcpMux, String ptime, Set<String> allowedFormats) {
        this(address, rtpPort, rtcpPort, rtcpMux, ptime, allowedFormats, null);
    }

    public static MediaPlan rejected(InetAddress address) {
        return new MediaPlan(address, 0, 0, false, null, null, null, false, null, null);
    }

    public boolean isRejected() {
        return rtpPort == 0;
    }
}

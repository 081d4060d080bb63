package org.ngrelay.core.call;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.port.PortPool;

/** One media section (m= line) of one party: its local RTP/RTCP port pair and what the SDP said. */
final class CallMedia {

    private static final Logger LOG = Logger.getLogger(CallMedia.class.getName());

    final Monologue monologue;
    final int index;
    String type;
    String protocol;
    String ptime;
    String direction;
    /** Payload types this party's last SDP listed. */
    List<String> formats = List.of();
    /** Payload types of this party's offer that went on to the other side (after codec rules). */
    List<String> offeredFormats = List.of();
    /** The direction for query flags: media-level, else the first session-level one (10.5). */
    String flagDirection;
    /** This party's SDP has described the section ("initialized" in query). */
    boolean described;
    /** ngrelay offered this section to the party, so would be the ICE controlling agent (query flag). */
    boolean iceControlling;
    /** This party's SDP offers trickle ICE ("trickle ICE" in query). */
    boolean trickleIce;
    boolean zeroAddress;
    LocalInterface iface;
    int rtpPort;
    final PacketStream rtp;
    final PacketStream rtcp;
    /** The same media section of the party on the other side of the dialogue. */
    CallMedia peer;
    /** This party put a=rtcp-mux in its SDP. */
    boolean rtcpMuxOffered;
    /** RTCP to and from this party goes over the RTP port (agreed in offer/answer). */
    boolean rtcpMux;
    Set<RtcpMuxMode> rtcpMuxModes = EnumSet.noneOf(RtcpMuxMode.class);

    CallMedia(Monologue monologue, int index) {
        this.monologue = monologue;
        this.index = index;
        this.rtp = new PacketStream(this, false);
        this.rtcp = new PacketStream(this, true);
    }

    boolean hasPorts() {
        return rtpPort != 0;
    }

    /** Binds an even/odd pair on {@code iface}; rtpengine's "Ran out of ports" when none is left. */
    void openPorts(LocalInterface iface, MediaLoop loop, int tos) {
        PortPool pool = iface.ports();
        for (int attempt = 0; attempt < pool.pairsTotal(); attempt++) {
            int port = pool.reserve();
            if (port < 0) {
                break;
            }
            try {
                rtp.socket = loop.open(new InetSocketAddress(iface.address(), port), tos, rtp);
                rtcp.socket = loop.open(new InetSocketAddress(iface.address(), port + 1), tos, rtcp);
                this.iface = iface;
                this.rtpPort = port;
                return;
            } catch (IOException e) {
                // Taken by another process: skip it; the cursor has moved on, so it is retried last.
                LOG.log(Level.FINE, "cannot bind " + port + ": " + e.getMessage());
                rtp.close();
                rtcp.close();
                pool.release(port);
            }
        }
        throw new CallException(CallException.RAN_OUT_OF_PORTS);
    }

    void closePorts() {
        rtp.close();
        rtcp.close();
        if (rtpPort != 0) {
            iface.ports().release(rtpPort);
            rtpPort = 0;
        }
    }

    boolean sendRtp(ByteBuffer packet) {
        return rtp.transmit(packet);
    }

    /** RTCP towards this party: over the RTP port when muxed (RFC 5761), else the RTCP port. */
    boolean sendRtcp(ByteBuffer packet) {
        return rtcpOut().transmit(packet);
    }

    /** The stream RTCP towards this party leaves by. */
    PacketStream rtcpOut() {
        return rtcpMux ? rtp : rtcp;
    }

    /** Sending only one way, or not at all: the call then falls under silent-timeout. */
    boolean oneWay() {
        return zeroAddress || (direction != null && !direction.equals("sendrecv"));
    }
}

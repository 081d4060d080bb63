package org.ngrelay.core.call;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.net.MediaSocket;
import org.ngrelay.core.net.PacketHandler;
import org.ngrelay.core.quality.Rtcp;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.relay.PacketKind;

/**
 * One local socket facing one party (RTP or RTCP of one media section), with the party's
 * endpoint and the counters of what the party sent. The per-packet path lives here: classify,
 * latch check, count (RTP: SSRC and payload type; RTCP: the quality stage), record, hand to the
 * opposite leg's socket. Nothing is allocated per RTP packet.
 *
 * <p>Each packet of a stream comes 20 ms after its last, with thousands of other calls' packets
 * and the kernel's network stack in between, so every object the path touches is a cache miss
 * (~0.1 µs here; profiled in docs/performance.md). Hence the flat fields: the endpoint options
 * copied in, the call referenced directly, the learned endpoint compared by identity first.
 */
public final class PacketStream implements PacketHandler {

    private static final Logger LOG = Logger.getLogger(PacketStream.class.getName());
    /** rtpengine's default endpoint-learning=delayed: the endpoint is fixed after 3 s of media. */
    static final long LEARNING_NS = TimeUnit.SECONDS.toNanos(3);
    private static final long ERROR_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final CallMedia media;
    private final Call call;
    private final boolean rtcp;
    MediaSocket socket;

    /** Where the SDP says the party receives; null when unknown or on hold (zero address). */
    InetSocketAddress sdpEndpoint;
    /** What the party's SDP said, a zero address included (query's "advertised endpoint"). */
    InetSocketAddress advertised;
    /** Where we send to the party: learned from its packets, else {@link #sdpEndpoint}. */
    InetSocketAddress endpoint;
    EndpointOptions options = EndpointOptions.DEFAULT;
    // options' learning flags, copied so the per-packet path does not load the options object
    private boolean asymmetric;
    private boolean strictSource;
    private boolean mediaHandover;
    private EndpointLearning learning = EndpointLearning.DELAYED;
    /** How well the learned source matches the SDP endpoint ({@link EndpointLearning#HEURISTIC}). */
    private int learnedRank;
    boolean latched;
    long firstPacketNs;

    /** The SSRC (offset 8) and payload type of the last RTP packet, unsigned; -1 before any. */
    long rtpSsrc = -1;
    int payloadType = -1;
    /** The sender SSRC (offset 4) of the last RTCP packet; -1 before any. */
    long rtcpSsrc = -1;
    /** Where this stream's packets are recorded, or null: set by {@link CallRecording#publish} off the packet path. */
    RecordingSession recordTo;
    long packets;
    long bytes;
    long errors;
    long lastPacketNs;
    private long lastErrorLogNs;

    PacketStream(CallMedia media, boolean rtcp) {
        this.media = media;
        this.call = media.monologue.call;
        this.rtcp = rtcp;
    }

    public boolean isRtcp() {
        return rtcp;
    }

    @Override
    public void onPacket(ByteBuffer packet, InetSocketAddress source, long nowNs) {
        int kind = PacketKind.classify(packet);
        if (kind == PacketKind.STUN || kind == PacketKind.UNKNOWN) {
            // Not media for a plain-RTP leg (ICE is not negotiated through ngrelay yet): drop, count.
            error(nowNs, kind == PacketKind.STUN ? "STUN packet on a leg without ICE" : "packet that is not RTP/RTCP/DTLS", source);
            return;
        }
        if (!admit(source, nowNs)) {
            error(nowNs, "packet from unexpected source with strict-source", source);
            return;
        }
        packets++;
        bytes += packet.remaining();
        int at = packet.position();
        if (kind == PacketKind.RTP) {
            // absolute reads in the header classify() has checked: no allocation, no position change
            rtpSsrc = packet.getInt(at + 8) & 0xffffffffL;
            payloadType = packet.get(at + 1) & 0x7f;
        } else if (kind == PacketKind.RTCP) {
            rtcp(packet, source, nowNs);
        }
        lastPacketNs = nowNs;
        RecordingSession recording = recordTo;
        if (recording != null) {
            // ingress, as received (rtpengine's pcap method); a non-blocking copy into its queue
            recording.packet(packet, source, socket.localAddress(), call.epochUs(nowNs));
        }
        CallMedia peer = media.peer;
        if (peer == null) {
            return;
        }
        boolean sent = rtcp || (kind == PacketKind.RTCP && media.rtcpMux) ? peer.sendRtcp(packet) : peer.sendRtp(packet);
        if (!sent) {
            errors++;
        }
    }

    @Override
    public int prefetch() {
        int seen = recordTo == null ? 0 : 1;
        CallMedia peer = media.peer;
        if (peer != null) {
            PacketStream out = rtcp ? peer.rtcpOut() : peer.rtp;
            MediaSocket s = out.socket;
            seen += (out.endpoint == null ? 0 : 2) + (s == null || s.localAddress() == null ? 0 : 4);
        }
        return seen;
    }

    /**
     * Endpoint learning (rtpengine's symmetric latching with {@code --endpoint-learning},
     * strict-source, media-handover, asymmetric).
     */
    private boolean admit(InetSocketAddress source, long nowNs) {
        if (asymmetric) {
            return true;
        }
        if (learning == EndpointLearning.OFF) {
            return !strictSource || sdpEndpoint == null || source.equals(sdpEndpoint);
        }
        if (!latched) {
            latched = true;
            firstPacketNs = nowNs;
            endpoint = source;
            learnedRank = learning == EndpointLearning.HEURISTIC ? rank(source) : 0;
            return true;
        }
        // the loop hands in the same source object while the sender stays the same
        if (source == endpoint || source.equals(endpoint)) {
            return true;
        }
        if (mediaHandover) {
            endpoint = source;
            return true;
        }
        if (learning != EndpointLearning.IMMEDIATE && nowNs - firstPacketNs < LEARNING_NS) {
            int rank = learning == EndpointLearning.HEURISTIC ? rank(source) : 0;
            if (rank >= learnedRank) {
                endpoint = source;
                learnedRank = rank;
            }
            return true;
        }
        return !strictSource;
    }

    /** 3: the SDP's address and port, 2: its address, 1: its port, 0: anything else. */
    private int rank(InetSocketAddress source) {
        InetSocketAddress sdp = sdpEndpoint;
        if (sdp == null) {
            return 0;
        }
        boolean address = sdp.getAddress().equals(source.getAddress());
        boolean port = sdp.getPort() == source.getPort();
        return address ? (port ? 3 : 2) : (port ? 1 : 0);
    }

    /** Sends out of this stream's socket to its party. */
    boolean transmit(ByteBuffer packet) {
        InetSocketAddress target = endpoint;
        return target == null || socket == null || socket.send(packet, target);
    }

    private void error(long nowNs, String what, InetSocketAddress source) {
        errors++;
        if (nowNs - lastErrorLogNs >= ERROR_LOG_INTERVAL_NS) {
            lastErrorLogNs = nowNs;
            if (LOG.isLoggable(Level.INFO)) {
                LOG.info("[" + media.monologue.call.id() + "/" + media.monologue.tag + "] dropped " + what
                        + " from " + source + " on port " + localPort() + " (" + errors + " errors so far)");
            }
        }
    }

    /** About one packet per 5 s: the quality stage, out of line so the RTP path stays small; a malformed packet is still relayed. */
    private void rtcp(ByteBuffer packet, InetSocketAddress source, long nowNs) {
        if (packet.remaining() >= 8) {
            rtcpSsrc = packet.getInt(packet.position() + 4) & 0xffffffffL;
        }
        int fault = media.quality.read(packet, nowNs);
        if (fault != Rtcp.OK) {
            malformedRtcp(nowNs, fault, source);
        }
    }

    /** Counted as an error (rtpengine counts what it cannot parse), relayed all the same: the peer may read it. */
    private void malformedRtcp(long nowNs, int fault, InetSocketAddress source) {
        errors++;
        if (nowNs - lastErrorLogNs >= ERROR_LOG_INTERVAL_NS) {
            lastErrorLogNs = nowNs;
            LOG.info("[" + call.id() + "/" + media.monologue.tag + "] relayed malformed RTCP (" + Rtcp.reason(fault)
                    + ") from " + source + " on port " + localPort() + " (" + errors + " errors so far)");
        }
    }

    /** Sets the SDP endpoint; a changed one restarts learning (a re-INVITE moved the party). */
    void sdpEndpoint(InetSocketAddress newEndpoint, EndpointOptions newOptions) {
        options = newOptions;
        asymmetric = newOptions.asymmetric();
        strictSource = newOptions.strictSource();
        mediaHandover = newOptions.mediaHandover();
        learning = newOptions.learning();
        if (newEndpoint == null) {
            // Hold (zero address): keep what was learned, stop sending where nothing was learned.
            sdpEndpoint = null;
            if (!latched) {
                endpoint = null;
            }
            return;
        }
        if (!newEndpoint.equals(sdpEndpoint) || endpoint == null) {
            sdpEndpoint = newEndpoint;
            endpoint = newEndpoint;
            latched = false;
        }
    }

    /**
     * The stream's SSRC for {@code query} and the CLI: the last RTP packet's on an RTP port, the last
     * RTCP sender's on an RTCP port (as rtpengine 10.5 shows them), the other kind when only that came.
     */
    long ssrc() {
        long first = rtcp ? rtcpSsrc : rtpSsrc;
        return first >= 0 ? first : rtcp ? rtpSsrc : rtcpSsrc;
    }

    boolean confirmed(long nowNs) {
        return latched && (learning == EndpointLearning.IMMEDIATE || nowNs - firstPacketNs >= LEARNING_NS);
    }

    public int localPort() {
        return socket == null ? 0 : socket.localAddress().getPort();
    }

    void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}

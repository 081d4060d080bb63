package org.ngrelay.core.call;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.net.MediaSocket;
import org.ngrelay.core.net.PacketHandler;
import org.ngrelay.core.path.Egress;
import org.ngrelay.core.path.RecordTap;
import org.ngrelay.core.path.SourceLatch;
import org.ngrelay.core.path.StreamCounter;
import org.ngrelay.core.quality.Rtcp;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.relay.PacketKind;

/**
 * One local socket facing one party (RTP or RTCP of one media section): the stream's one packet
 * handler, calling its stages ({@code org.ngrelay.core.path}) in their fixed order: classify →
 * {@link SourceLatch} → DTLS (a handshake datagram goes to the stream's {@link DtlsLink}) → SRTP
 * unprotect (an SRTP party's: SDES keys, or the DTLS link's) → {@link StreamCounter} (RTCP: the quality
 * stage too) → {@link RecordTap} (so recordings hold the plain packets) → SRTP protect (towards an
 * SRTP peer) → the opposite leg's {@link Egress}. Nothing is allocated per RTP packet.
 *
 * <p>Each packet of a stream comes 20 ms after its last, with thousands of other calls' packets
 * and the kernel's network stack in between, so every object the path touches is a cache miss
 * (~0.1 µs; docs/performance.md). The stages are allocated with the stream, one after the other,
 * so they sit next to it in memory; which of them have work (a recording) is set off the path.
 */
public final class PacketStream implements PacketHandler {

    private static final Logger LOG = Logger.getLogger(PacketStream.class.getName());
    private static final long ERROR_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final CallMedia media;
    private final Call call;
    private final boolean rtcp;
    final Egress egress = new Egress();
    final SourceLatch latch = new SourceLatch(egress);
    final StreamCounter counter = new StreamCounter();
    final RecordTap record = new RecordTap();

    /** The record stage has a session: set with it, off the packet path, so plain streams skip the stage. */
    private boolean recorded;
    /** SRTP on this party's side or the peer's: set off the packet path ({@link Call#publishPaths}), so plain streams skip the SRTP stages. */
    boolean secure;
    /** DTLS-SRTP with this stream's party; null when it speaks none. Set off the packet path. */
    DtlsLink dtls;
    /**
     * ClientHellos that came before the answer said who is the client: a party offered actpass
     * that answers active starts at once, and its hello should not wait for a retransmission.
     */
    private final ArrayDeque<ByteBuffer> earlyDtls = new ArrayDeque<>(EARLY_DTLS);
    private static final int EARLY_DTLS = 4;
    /** Handshakes that failed, and those because the certificate did not match the fingerprint. */
    long dtlsFailures;
    long dtlsFingerprintMismatches;
    /** What the party's SDP said, a zero address included (query's "advertised endpoint"). */
    InetSocketAddress advertised;
    EndpointOptions options = EndpointOptions.DEFAULT;
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
            drop(nowNs, kind == PacketKind.STUN ? "STUN packet on a leg without ICE" : "packet that is not RTP/RTCP/DTLS", source);
            return;
        }
        if (!latch.admit(source, nowNs)) {
            drop(nowNs, "packet from unexpected source with strict-source", source);
            return;
        }
        if (kind == PacketKind.DTLS) {
            dtls(packet, source, nowNs);
            return;
        }
        if (secure) {
            secure(packet, kind, source, nowNs);
            return;
        }
        deliver(packet, kind, source, nowNs, false);
    }

    /** The DTLS stage: a handshake datagram for this stream's association; never relayed. */
    private void dtls(ByteBuffer packet, InetSocketAddress source, long nowNs) {
        DtlsLink link = dtls;
        if (link == null && media.dtlsOffered && earlyDtls.size() < EARLY_DTLS) {
            earlyDtls.add(copy(packet)); // a handshake packet, not media: the copy is one of a few
        } else if (link == null) {
            drop(nowNs, "DTLS packet on a leg without DTLS-SRTP", source);
        } else if (!link.receive(packet)) {
            drop(nowNs, "DTLS packet (handshake over, or too many queued: " + link.dropped() + " dropped)", source);
        }
    }

    /** An SRTP leg on either side: unprotect what the party sent (if it speaks SRTP), protect towards the peer (if it does). */
    private void secure(ByteBuffer packet, int kind, InetSocketAddress source, long nowNs) {
        SrtpContext from = inbound();
        if (from != null) {
            if (!unprotect(from, packet, kind, source, nowNs)) {
                return;
            }
        } else if (dtls != null) {
            drop(nowNs, "SRTP before the DTLS handshake completed", source);
            return;
        }
        deliver(packet, kind, source, nowNs, true);
    }

    /** Count (and quality), record, protect when the peer speaks SRTP, send: the stages after the source check. */
    private void deliver(ByteBuffer packet, int kind, InetSocketAddress source, long nowNs, boolean secure) {
        counter.count(packet, kind, nowNs);
        if (kind == PacketKind.RTCP) {
            rtcp(packet, source, nowNs);
        }
        if (recorded) {
            record.tap(packet, source, egress.socket().localAddress(), call.epochUs(nowNs));
        }
        CallMedia peer = media.peer;
        if (peer == null) {
            return;
        }
        PacketStream out = rtcp || (kind == PacketKind.RTCP && media.rtcpMux) ? peer.rtcpOut() : peer.rtp;
        if (secure && !protectTowards(out, peer, packet, kind, nowNs, source)) {
            return;
        }
        if (!out.egress.send(packet)) {
            counter.error();
        }
    }

    /**
     * Touches, ahead of the batch's dispatch, each object {@link #onPacket} will load: this stream's
     * latch and counter, the peer's egress and its socket; so the batch's cache misses overlap.
     */
    @Override
    public int prefetch() {
        int seen = (recorded ? 1 : 0) + (latch.latched() ? 8 : 0) + (int) (counter.packets() & 16);
        CallMedia peer = media.peer;
        if (peer != null) {
            Egress out = (rtcp ? peer.rtcpOut() : peer.rtp).egress;
            MediaSocket s = out.socket();
            seen += (out.hasTarget() ? 2 : 0) + (s == null || s.localAddress() == null ? 0 : 4);
        }
        return seen;
    }

    /** About one packet per 5 s: the quality stage, out of line so the RTP path stays small; a malformed packet is still relayed. */
    private void rtcp(ByteBuffer packet, InetSocketAddress source, long nowNs) {
        int fault = media.quality.read(packet, nowNs);
        if (fault != Rtcp.OK) {
            // counted as an error (rtpengine counts what it cannot parse), relayed all the same: the peer may read it
            counter.error();
            log(nowNs, "relayed malformed RTCP (" + Rtcp.reason(fault) + ")", source);
        }
    }

    /** The unprotect stage (SRTP from the party): a packet that fails authentication or is replayed goes no further. */
    private boolean unprotect(SrtpContext from, ByteBuffer packet, int kind, InetSocketAddress source, long nowNs) {
        int status = kind == PacketKind.RTCP ? from.unprotectRtcp(packet) : from.unprotect(packet);
        if (status == SrtpContext.OK) {
            return true;
        }
        drop(nowNs, "SRTP" + (kind == PacketKind.RTCP ? "C" : "") + " packet (" + SrtpContext.reason(status) + ")", source);
        return false;
    }

    /** SRTP towards the peer party when it speaks it (DTLS keys of the stream it leaves by, else SDES); false: not sent. */
    private boolean protectTowards(PacketStream out, CallMedia peer, ByteBuffer packet, int kind, long nowNs, InetSocketAddress source) {
        DtlsLink link = out.dtls;
        SrtpContext to = link != null ? link.outbound() : peer.toParty;
        if (to != null) {
            return protect(to, packet, kind, nowNs, source);
        }
        if (link != null) {
            drop(nowNs, "packet towards a DTLS-SRTP party before its handshake completed", source);
            return false;
        }
        return true;
    }

    /** The protect stage (SRTP towards the peer party). */
    private boolean protect(SrtpContext to, ByteBuffer packet, int kind, long nowNs, InetSocketAddress source) {
        int status = kind == PacketKind.RTCP ? to.protectRtcp(packet) : to.protect(packet);
        if (status == SrtpContext.OK) {
            return true;
        }
        counter.error();
        log(nowNs, "could not protect a packet (" + SrtpContext.reason(status) + ")", source);
        return false;
    }

    private void drop(long nowNs, String what, InetSocketAddress source) {
        counter.drop();
        log(nowNs, "dropped " + what, source);
    }

    /** At most one line a second per stream. */
    private void log(long nowNs, String what, InetSocketAddress source) {
        if (nowNs - lastErrorLogNs >= ERROR_LOG_INTERVAL_NS) {
            lastErrorLogNs = nowNs;
            if (LOG.isLoggable(Level.INFO)) {
                LOG.info("[" + call.id() + "/" + media.monologue.tag + "] " + what + " from " + source + " on port " + localPort()
                        + " (" + counter.errors() + " errors so far)");
            }
        }
    }

    /** Sets the SDP endpoint and the party's learning options; a changed endpoint restarts learning. */
    void sdpEndpoint(InetSocketAddress newEndpoint, EndpointOptions newOptions) {
        options = newOptions;
        latch.expect(newEndpoint, newOptions.asymmetric(), newOptions.strictSource(), newOptions.mediaHandover(), newOptions.learning());
    }

    /**
     * The stream's SSRC for {@code query} and the CLI: the last RTP packet's on an RTP port, the last
     * RTCP sender's on an RTCP port (as rtpengine 10.5 shows them), the other kind when only that came.
     */
    long ssrc() {
        long first = rtcp ? counter.rtcpSsrc() : counter.rtpSsrc();
        return first >= 0 ? first : rtcp ? counter.rtpSsrc() : counter.rtcpSsrc();
    }

    /** Where this stream's packets are recorded from now on; null: not recorded. */
    void recordTo(RecordingSession session) {
        record.session(session);
        recorded = session != null;
    }

    /** A datagram of ngrelay's own (a DTLS handshake's) to the party, out of this stream's socket; loop only. */
    void sendRaw(ByteBuffer datagram) {
        egress.send(datagram);
    }

    /** Starts DTLS-SRTP with the party, or keeps the running association when a re-INVITE asks for the same one. */
    void dtls(DtlsConfig config, boolean client, Fingerprint peer) {
        if (dtls != null && dtls.same(client, peer)) {
            return;
        }
        endDtls();
        dtls = new DtlsLink(this, config, client, peer);
        dtls.start();
        if (!client) {
            for (ByteBuffer hello : earlyDtls) {
                dtls.receive(hello);
            }
        }
        earlyDtls.clear();
    }

    private static ByteBuffer copy(ByteBuffer packet) {
        ByteBuffer c = ByteBuffer.allocate(packet.remaining());
        c.put(packet.duplicate()).flip();
        return c;
    }

    void endDtls() {
        if (dtls != null) {
            dtls.close();
            dtls = null;
        }
    }

    void dtlsFailed(boolean fingerprintMismatch) {
        dtlsFailures++;
        if (fingerprintMismatch) {
            dtlsFingerprintMismatches++;
        }
    }

    /** SRTP from the party: the DTLS link's context, else the SDES one; null on a plain leg. */
    SrtpContext inbound() {
        return dtls != null ? dtls.inbound() : media.fromParty;
    }

    MediaLoop loop() {
        return call.loop;
    }

    String logPrefix() {
        return "[" + call.id() + "/" + media.monologue.tag + "]";
    }

    void socket(MediaSocket socket) {
        egress.socket(socket);
    }

    public int localPort() {
        MediaSocket s = egress.socket();
        return s == null ? 0 : s.localAddress().getPort();
    }

    void close() {
        endDtls();
        MediaSocket s = egress.socket();
        if (s != null) {
            s.close();
            egress.socket(null);
        }
    }
}

package org.ngrelay.core.call;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.port.PortPool;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.core.quality.QualityParty;
import org.ngrelay.core.quality.QualitySamples;
import org.ngrelay.core.quality.RtcpQuality;
import org.ngrelay.core.quality.SsrcTable;
import org.ngrelay.core.sdp.CryptoLine;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.srtp.SrtpContext;

/**
 * One media section (m= line) of one party: its local RTP/RTCP port pair, what the SDP said, and
 * the quality stage that reads the party's RTCP.
 */
final class CallMedia implements QualityParty {

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
    /** Clock rate by payload type from this party's SDP (-1: not listed), for RTCP jitter. */
    private int[] clockRates = NO_CLOCK_RATES;
    final RtcpQuality quality = new RtcpQuality(this);
    /** SDES: the lines ngrelay offered this party, with its own keys (empty: none). */
    List<CryptoLine> offeredCrypto = List.of();
    /** SDES: how many of {@link #offeredCrypto}, from the front, are the other party's own lines passed on. */
    int forwardedCrypto;
    /** SDES: ngrelay's own lines among them, whose keys a re-offer may keep. */
    List<CryptoLine> ownCrypto = List.of();
    /** SDES: the tag of ngrelay's own line this party last answered on ({@link SdesBridge#NOT_ANSWERED}, {@link SdesBridge#NO_LINE}). */
    int lastAnsweredTag = SdesBridge.NOT_ANSWERED;
    /** SDES: this party's own usable offered lines, until the answer shows whether ngrelay terminates them. */
    List<CryptoLine> partyCrypto = List.of();
    /** SDES: this party offered SRTP with crypto lines none of which is usable (why), or null. */
    String unusableCrypto;
    /** SDES {@code prefer}: this party is answered on the suite ngrelay ranks first. */
    boolean preferOwnSuite;
    /** The SDES suite this party speaks, ngrelay terminating it or passing it through (query's crypto suite); null: plain. */
    String srtpSuite;
    /** SRTP from this party (unprotect) and towards it (protect); null on a plain leg. Set off the packet path. */
    SrtpContext fromParty;
    SrtpContext toParty;
    /** DTLS-SRTP: this party's a=fingerprint and a=setup, when it speaks DTLS and ngrelay terminates it (else null). */
    Fingerprint partyFingerprint;
    String partySetup;
    /** DTLS-SRTP: ngrelay offered this party a=setup:actpass with its fingerprint, and no answer has turned it down. */
    boolean dtlsOffered;
    /** ngrelay offered this party SRTP (SDES, DTLS or both) and awaits its answer: 10.5 shows both DTLS roles meanwhile. */
    boolean srtpOfferPending;
    /** The master keys behind them, to tell a re-INVITE that keeps the keys from one that changes them. */
    byte[] fromPartyKey;
    byte[] toPartyKey;

    private static final int[] NO_CLOCK_RATES = new int[0];

    CallMedia(Monologue monologue, int index) {
        this.monologue = monologue;
        this.index = index;
        this.rtp = new PacketStream(this, false);
        this.rtcp = new PacketStream(this, true);
    }

    /** Notes the clock rate of each payload type the party's m= line lists. */
    void codecs(MediaSection m) {
        int[] rates = new int[128];
        Arrays.fill(rates, -1);
        for (String f : m.formats()) {
            try {
                int pt = Integer.parseInt(f);
                if (pt >= 0 && pt < rates.length) {
                    rates[pt] = m.clockRate(f);
                }
            } catch (NumberFormatException e) {
                // not RTP/AVP: no payload types
            }
        }
        clockRates = rates;
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
                rtp.socket(loop.open(new InetSocketAddress(iface.address(), port), tos, rtp));
                rtcp.socket(loop.open(new InetSocketAddress(iface.address(), port + 1), tos, rtcp));
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

    /** SRTP on this party's side: SDES contexts, or a DTLS association on either stream. */
    boolean speaksSrtp() {
        return fromParty != null || toParty != null || rtp.dtls != null || rtcp.dtls != null;
    }

    /** Ends DTLS with this party (a re-INVITE to plain, or to SDES). */
    void endDtls() {
        rtp.endDtls();
        rtcp.endDtls();
    }

    void closePorts() {
        rtp.close();
        rtcp.close();
        if (rtpPort != 0) {
            iface.ports().release(rtpPort);
            rtpPort = 0;
        }
    }

    /** The stream RTCP towards this party leaves by: the RTP port when muxed (RFC 5761), else the RTCP port. */
    PacketStream rtcpOut() {
        return rtcpMux ? rtp : rtcp;
    }

    /** Sending only one way, or not at all: the call then falls under silent-timeout. */
    boolean oneWay() {
        return zeroAddress || (direction != null && !direction.equals("sendrecv"));
    }

    @Override
    public SsrcTable ssrcs() {
        return monologue.ssrcs;
    }

    @Override
    public SsrcTable oppositeSsrcs() {
        return peer == null ? null : peer.monologue.ssrcs;
    }

    /** The RTP that goes to this party is what its peer's RTP stream received. */
    @Override
    public int payloadTypeTowards(long ssrc) {
        PacketStream in = peer == null ? null : peer.rtp;
        return in != null && in.counter.rtpSsrc() == ssrc ? in.counter.payloadType() : -1;
    }

    @Override
    public int clockRate(int payloadType) {
        return payloadType < clockRates.length ? clockRates[payloadType] : -1;
    }

    @Override
    public QualitySamples samples() {
        return monologue.call.qualitySamples();
    }

    @Override
    public MosMode mosMode() {
        return monologue.call.mosMode();
    }

    @Override
    public long epochSec(long nowNs) {
        return monologue.call.epochUs(nowNs) / 1_000_000;
    }

    @Override
    public String logPrefix() {
        return "[" + monologue.call.id() + "/" + monologue.tag + "]";
    }
}

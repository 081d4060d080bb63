package org.ngrelay.core.call;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.core.sdp.CryptoLine;
import org.ngrelay.core.sdp.MediaPlan;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.sdp.OriginVersion;
import org.ngrelay.core.sdp.RewriteOptions;
import org.ngrelay.core.sdp.SdpRewriter;
import org.ngrelay.core.sdp.SessionDescription;

/**
 * Offer and answer for one call, as rtpengine 10.5 negotiates them: which parties an SDP is from
 * and for, what each party's media sections say, the ports opened for them, and the SDP ngrelay
 * sends on. Runs on the call's loop.
 */
final class Negotiation {

    static final String ICE_WARNING = "ICE is not supported by this ngrelay version: ICE attributes were removed";

    private final Call call;
    private final CallManager manager;

    Negotiation(Call call, CallManager manager) {
        this.call = call;
        this.manager = manager;
    }

    SdpResult offer(OfferAnswer r) {
        call.touch();
        call.createdFrom(r.source());
        Monologue from = call.byTag(r.dialog().fromTag());
        if (from == null) {
            from = call.add(r.dialog().fromTag());
        }
        if (r.label() != null) {
            from.label = r.label();
        }
        Monologue to = offerTarget(from, r.dialog().toTag(), r.dialog().viaBranch());
        Call.link(from, to);
        SessionDescription sdp = r.sdp();
        List<MediaPlan> plans = new ArrayList<>();
        String sdesWarning = null;
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            CallMedia sender = from.media(i);
            CallMedia recipient = to.media(i);
            Call.pair(sender, recipient);
            describe(sender, sdp, i, r.endpoint());
            recipient.type = m.type();
            // rtpengine takes the controlling ICE role towards whoever gets the first offer (10.5
            // shows the flag even without ICE, and not after a re-INVITE from the other side).
            recipient.iceControlling |= !recipient.described;
            SdesBridge.Plan sdes = m.rejected() ? null : SdesBridge.offer(sender, recipient, m, r.transportProtocol(), r.sdes());
            sdesWarning = sdes == null ? sdesWarning : join(sdesWarning, sdes.warning());
            DtlsBridge.Plan dtls = m.rejected() ? null
                    : DtlsBridge.offer(sender, recipient, m, sdp, r.transportProtocol(), r.dtls(), manager.dtls());
            String protocol = sdes != null ? sdes.protocol() : dtls != null ? dtls.protocol() : plainProtocolSwitch(m.protocol(), r.transportProtocol());
            recipient.protocol = protocol != null ? protocol : m.protocol();
            sender.offeredFormats = r.sdpOptions().codecs().apply(m);
            boolean senderV6 = sdp.connection(i).address() instanceof Inet6Address;
            if (m.rejected()) {
                sender.closePorts();
                recipient.closePorts();
                plans.add(MediaPlan.rejected(advertised(null, r.mediaAddress(), pick(r, 1, senderV6))));
                continue;
            }
            ensurePorts(sender, pick(r, 0, senderV6), r.tos());
            ensurePorts(recipient, pick(r, 1, r.ipv6() != null ? r.ipv6() : senderV6), r.tos());
            sender.rtcpMuxOffered = m.hasAttribute("rtcp-mux");
            sender.rtcpMuxModes = r.rtcpMux();
            boolean offerMux = !r.rtcpMux().contains(RtcpMuxMode.DEMUX)
                    && (sender.rtcpMuxOffered || r.rtcpMux().contains(RtcpMuxMode.OFFER) || r.rtcpMux().contains(RtcpMuxMode.REQUIRE));
            // require: the answerer must mux, so no fallback RTCP port is offered (rtpengine 10.5)
            int rtcpPort = r.rtcpMux().contains(RtcpMuxMode.REQUIRE) ? recipient.rtpPort : recipient.rtpPort + 1;
            plans.add(new MediaPlan(advertised(recipient, r.mediaAddress(), null), recipient.rtpPort, rtcpPort,
                    offerMux, recipient.ptime, null, protocol, recipient.trickleIce, sdes == null ? null : sdes.crypto(),
                    dtls == null ? null : dtls.lines()));
        }
        String out = sdpVersion(from, rewrite(sdp, plans, r), r);
        String warning = join(join(iceWarning(r), sdesWarning), call.recording.sdp(r, "offer", out));
        call.recording.publish(); // streams this offer added record too
        return new SdpResult(out, warning, call.recording.files());
    }

    /**
     * {@code replace: [SDP-version]} (rtpengine 10.5, golden 036): when what ngrelay sends for
     * {@code sender} differs from what it sent last time, the o= version is one above the last
     * one sent; unchanged, it stays. Without the flag the version passes through as received.
     */
    private static String sdpVersion(Monologue sender, String out, OfferAnswer r) {
        String body = OriginVersion.body(out);
        long version = OriginVersion.version(out);
        if (r.sdpOptions().replaceSdpVersion() && sender.lastSentBody != null && sender.lastSentVersion >= 0) {
            version = body.equals(sender.lastSentBody) ? sender.lastSentVersion : sender.lastSentVersion + 1;
            out = OriginVersion.withVersion(out, version);
        }
        sender.lastSentBody = body;
        sender.lastSentVersion = version;
        return out;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    /** The party an offer is for: named by to-tag, else the dialogue partner of the same branch. */
    private Monologue offerTarget(Monologue from, String toTag, String viaBranch) {
        if (toTag != null) {
            Monologue named = call.byTag(toTag);
            if (named != null) {
                return named;
            }
            if (from.peer != null && from.peer.tag == null) {
                from.peer.tag = toTag;
                return from.peer;
            }
            return call.add(toTag);
        }
        Monologue peer = from.peer;
        if (peer != null && (viaBranch == null || peer.viaBranch == null || viaBranch.equals(peer.viaBranch))) {
            if (viaBranch != null) {
                peer.viaBranch = viaBranch;
            }
            return peer;
        }
        for (Monologue m : call.monologues()) {
            if (m.tag == null && viaBranch != null && viaBranch.equals(m.viaBranch)) {
                return m;
            }
        }
        Monologue branch = call.add(null);
        branch.viaBranch = viaBranch;
        return branch;
    }

    SdpResult answer(OfferAnswer r) {
        Monologue from = call.byTag(r.dialog().fromTag());
        if (from == null) {
            throw new CallException(CallException.UNKNOWN_CALL_ID);
        }
        call.touch();
        Monologue to = answerer(from, r.dialog().toTag(), r.dialog().viaBranch());
        if (r.label() != null) {
            to.label = r.label();
        }
        Call.link(from, to);
        call.answered();
        SessionDescription sdp = r.sdp();
        List<MediaPlan> plans = new ArrayList<>();
        String sdesWarning = null;
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            CallMedia sender = to.media(i);
            CallMedia recipient = from.media(i);
            Call.pair(sender, recipient);
            describe(sender, sdp, i, r.endpoint());
            boolean senderV6 = sdp.connection(i).address() instanceof Inet6Address;
            if (m.rejected()) {
                sender.closePorts();
                recipient.closePorts();
                plans.add(MediaPlan.rejected(advertised(recipient, r.mediaAddress(), pick(r, 0, senderV6))));
                continue;
            }
            ensurePorts(sender, pick(r, 1, senderV6), r.tos());
            ensurePorts(recipient, pick(r, 0, senderV6), r.tos());
            sender.rtcpMux = m.hasAttribute("rtcp-mux");
            Set<RtcpMuxMode> modes = recipient.rtcpMuxModes;
            // rtpengine 10.5 (golden 089-096): mux towards the offerer if it offered mux and the
            // answerer muxes too, or the offer said accept or demux; never with reject.
            recipient.rtcpMux = recipient.rtcpMuxOffered && !modes.contains(RtcpMuxMode.REJECT)
                    && (sender.rtcpMux || modes.contains(RtcpMuxMode.ACCEPT) || modes.contains(RtcpMuxMode.DEMUX));
            int rtcpPort = recipient.rtcpMux ? recipient.rtpPort : recipient.rtpPort + 1;
            SdesBridge.Plan sdes = SdesBridge.answer(sender, recipient, m);
            if (sdes != null && sdes.reject() && recipient.partyFingerprint == null) {
                // no SRTP possible with the offerer (no usable line, no DTLS): a rejected section rather than an RTP/SAVP one without keys
                sdesWarning = join(sdesWarning, sdes.warning());
                sender.closePorts();
                recipient.closePorts();
                plans.add(MediaPlan.rejected(advertised(null, r.mediaAddress(), pick(r, 0, senderV6))));
                continue;
            }
            DtlsBridge.Plan dtls = DtlsBridge.answer(sender, recipient, m, sdp, r.dtls(), manager.dtls());
            // DTLS over SDES: an offerer that speaks DTLS is answered in its protocol, with no crypto line
            String protocol = dtls != null && dtls.offererDtls() ? dtls.protocol() : sdes != null ? sdes.protocol()
                    : dtls != null ? dtls.protocol() : plainProtocolSwitch(m.protocol(), recipient.protocol);
            List<CryptoLine> crypto = dtls != null && dtls.offererDtls() ? List.of() : sdes == null ? null : sdes.crypto();
            plans.add(new MediaPlan(advertised(recipient, r.mediaAddress(), null), recipient.rtpPort, rtcpPort,
                    recipient.rtcpMux, recipient.ptime, answerFormats(recipient, m), protocol, recipient.trickleIce,
                    crypto, dtls == null ? null : dtls.lines()));
        }
        String out = sdpVersion(to, rewrite(sdp, plans, r), r);
        String warning = join(join(iceWarning(r), sdesWarning), call.recording.sdp(r, "answer", out));
        call.recording.publish();
        return new SdpResult(out, warning, call.recording.files());
    }

    /**
     * What an answer may pick from: the codecs that went on to the answerer (a stripped codec stays
     * out both ways, as in rtpengine). If that leaves nothing — the answerer picked a codec that was
     * masked — rtpengine 10.5 prints an m= line without codecs; ngrelay falls back to what the
     * offerer itself offered, which it can receive.
     */
    private static Set<String> answerFormats(CallMedia offerer, MediaSection answer) {
        Set<String> offered = new HashSet<>(offerer.offeredFormats);
        for (String f : answer.formats()) {
            if (offered.contains(f) && !answer.isEventCodec(f)) {
                return offered;
            }
        }
        return offerer.formats.isEmpty() ? null : new HashSet<>(offerer.formats);
    }

    /** RTP/AVP and RTP/AVPF differ only in the SDP: switch between them when asked (or to answer back). */
    private static String plainProtocolSwitch(String from, String to) {
        if (to == null || to.equals(from)) {
            return null;
        }
        return SdesBridge.plain(from) && SdesBridge.plain(to) ? to : null;
    }

    /** The party answering: by to-tag, else the pending callee of that branch, which takes the tag. */
    private Monologue answerer(Monologue from, String toTag, String viaBranch) {
        Monologue named = call.byTag(toTag);
        if (named != null) {
            return named;
        }
        Monologue pending = null;
        for (Monologue m : call.monologues()) {
            if (m.tag == null && m.peer == from && (viaBranch == null || viaBranch.equals(m.viaBranch))) {
                pending = m;
            }
        }
        if (pending == null && from.peer != null && from.peer.tag == null) {
            pending = from.peer;
        }
        if (pending != null) {
            pending.tag = toTag;
            return pending;
        }
        // Another fork answers: a new party with its own ports (as rtpengine does).
        return call.add(toTag);
    }

    /** Records what a party's SDP says about one media section and where to reach it. */
    private static void describe(CallMedia media, SessionDescription sdp, int index, EndpointOptions options) {
        MediaSection m = sdp.media().get(index);
        media.type = m.type();
        media.protocol = m.protocol();
        media.ptime = m.ptime();
        media.direction = sdp.direction(index);
        media.flagDirection = sdp.firstDirection(index);
        media.formats = m.formats();
        media.codecs(m);
        media.described = true;
        media.trickleIce = offersTrickleIce(sdp.sessionAttribute("ice-options")) || offersTrickleIce(m.attribute("ice-options"));
        InetAddress address = sdp.connection(index).address();
        media.zeroAddress = Addresses.isAny(address);
        if (options.sipSourceAddress() && options.receivedFrom() != null && !media.zeroAddress) {
            address = options.receivedFrom();
        }
        // a=rtcp:9 IN IP4 0.0.0.0 (browsers, with rtcp-mux) names no address: the media's stands (10.5, golden 153)
        InetAddress rtcpAddress = m.rtcpAddress() != null && !Addresses.isAny(m.rtcpAddress()) && !options.sipSourceAddress()
                ? m.rtcpAddress() : address;
        media.rtp.advertised = new InetSocketAddress(address, m.port());
        // a=rtcp naming the RTP port itself with a=rtcp-mux: no separate RTCP endpoint (10.5, golden 097)
        boolean rtcpOnRtpPort = m.hasAttribute("rtcp-mux") && m.rtcpPort() == m.port();
        media.rtcp.advertised = rtcpOnRtpPort ? null : new InetSocketAddress(rtcpAddress, m.rejected() ? 1 : m.rtcpPort());
        if (media.zeroAddress || m.rejected()) {
            media.rtp.sdpEndpoint(null, options);
            media.rtcp.sdpEndpoint(null, options);
            return;
        }
        media.rtp.sdpEndpoint(media.rtp.advertised, options);
        media.rtcp.sdpEndpoint(media.rtcp.advertised, options);
    }

    private void ensurePorts(CallMedia media, LocalInterface iface, int tos) {
        if (!media.hasPorts()) {
            media.openPorts(iface, call.loop, tos >= 0 ? tos : manager.config().tos());
        }
    }

    /** direction[0] names the offerer's side, direction[1] the answerer's (rtpengine 10.5). */
    private LocalInterface pick(OfferAnswer r, int side, boolean ipv6) {
        String name = r.direction().size() > side ? r.direction().get(side) : null;
        LocalInterface named = manager.interfaces().select(name, ipv6);
        return named != null ? named : manager.interfaces().select(null, ipv6);
    }

    private static InetAddress advertised(CallMedia media, InetAddress mediaAddress, LocalInterface fallback) {
        if (mediaAddress != null) {
            return mediaAddress;
        }
        if (media != null && media.iface != null) {
            return media.iface.advertised();
        }
        return fallback.advertised();
    }

    private String rewrite(SessionDescription sdp, List<MediaPlan> plans, OfferAnswer r) {
        InetAddress origin = null;
        for (MediaPlan p : plans) {
            if (p.address() != null) {
                origin = p.address();
                break;
            }
        }
        if (origin == null) {
            origin = manager.interfaces().all().get(0).advertised();
        }
        RewriteOptions options = r.loopProtect() ? r.sdpOptions().withLoopProtectTag(manager.loopProtectTag()) : r.sdpOptions();
        return SdpRewriter.rewrite(sdp, plans, origin, options);
    }

    private static String iceWarning(OfferAnswer r) {
        if (r.ice() == IceMode.UNSUPPORTED) {
            return "ICE mode not supported by this ngrelay version: media is offered without ICE";
        }
        if (r.ice() == IceMode.DEFAULT && hasIce(r.sdp())) {
            return ICE_WARNING;
        }
        return null;
    }

    private static boolean hasIce(SessionDescription sdp) {
        if (sdp.sessionAttribute("ice-ufrag") != null) {
            return true;
        }
        for (MediaSection m : sdp.media()) {
            if (m.hasAttribute("ice-ufrag") || m.hasAttribute("candidate")) {
                return true;
            }
        }
        return false;
    }

    /** {@code a=ice-options:trickle} (RFC 8840), kept as a query flag even when ICE is removed (10.5). */
    private static boolean offersTrickleIce(String iceOptions) {
        return iceOptions != null && java.util.Arrays.asList(iceOptions.trim().split(" +")).contains("trickle");
    }
}

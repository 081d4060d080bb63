package org.ngrelay.core.call;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.core.quality.QualitySamples;
import org.ngrelay.core.quality.SsrcReport;
import org.ngrelay.core.recording.RecordingRequest;
import org.ngrelay.core.recording.RecordingSession;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.core.sdp.MediaPlan;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.sdp.OriginVersion;
import org.ngrelay.core.sdp.RewriteOptions;
import org.ngrelay.core.sdp.SdpRewriter;
import org.ngrelay.core.sdp.SessionDescription;

/**
 * One call (call-id). Every method runs on {@link #loop}; {@link CallManager} gets there first.
 */
final class Call {

    private static final Logger LOG = Logger.getLogger(Call.class.getName());
    /** A stream counts as carrying media while its last packet is at most this old (rtpengine's 1 s timer). */
    private static final long ACTIVE_STREAM_NS = TimeUnit.SECONDS.toNanos(1);
    static final String ICE_WARNING = "ICE is not supported by this ngrelay version: ICE attributes were removed";

    private final String id;
    final MediaLoop loop;
    private final CallManager manager;
    final long sequence;
    private final long createdEpochUs;
    private final long createdNs;
    private long lastSignalNs;
    private long lastSignalEpochMs;
    private final List<Monologue> monologues = new ArrayList<>();
    private boolean answered;
    private long deleteAtNs;
    boolean destroyed;
    /** The running recording session, read by every packet of the call (same thread). */
    RecordingSession recording;
    private final List<RecordingSession> pastRecordings = new ArrayList<>();
    /** With {@code single-leg}: the only party whose packets are recorded; null for the whole call. */
    Monologue recordOnly;
    /** A paused session: same files, no packets until {@code start recording} resumes it. */
    private RecordingSession pausedRecording;
    private String recordingMetadata;
    /** rtpengine-ctl {@code standby} made it foreign: another node owns it (see {@link CallManager#foreign}). */
    boolean foreign;
    /** The ng client whose offer created the call (the CLI's "proxy"), or null. */
    private String createdFrom;
    /** epoch µs = nanoTime / 1000 + this: the recorder's timestamps without a clock call per packet */
    private final long epochOffsetUs;

    Call(String id, MediaLoop loop, CallManager manager, long sequence) {
        this.id = id;
        this.loop = loop;
        this.manager = manager;
        this.sequence = sequence;
        long nowUs = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        this.createdEpochUs = nowUs;
        this.createdNs = System.nanoTime();
        this.lastSignalNs = createdNs;
        this.lastSignalEpochMs = nowUs / 1000;
        this.epochOffsetUs = nowUs - createdNs / 1000;
    }

    long epochUs(long nowNs) {
        return epochOffsetUs + nowNs / 1000;
    }

    /** Where this call's RTCP quality samples go: its loop's totals. */
    QualitySamples qualitySamples() {
        return manager.totals(loop).quality;
    }

    MosMode mosMode() {
        return manager.mosMode();
    }

    /**
     * Starts recording unless already recording; a failure to create the files leaves the call
     * unrecorded and is returned as a warning (and logged), never an error for the call. A path
     * outside the recording directory is refused ({@link CallException}).
     */
    String startRecording(RecordingOptions options) {
        if (options.metadata() != null) {
            recordingMetadata = options.metadata();
        }
        Monologue party = byTag(options.fromTag());
        if (options.singleLeg() && party == null) {
            throw new CallException(CallException.CALL_OR_TAGS_NOT_FOUND);
        }
        if (recording == null && pausedRecording != null) {
            recording = pausedRecording;
            pausedRecording = null;
            LOG.info(() -> "[" + id + "] Recording resumed");
        }
        if (recording == null) {
            String label = party != null ? party.label : monologues.isEmpty() ? null : monologues.get(0).label;
            try {
                recording = manager.recorder().start(new RecordingRequest(id, createdEpochUs / 1000, label,
                        recordingMetadata, options.file(), options.directory(), options.pattern()));
                recordOnly = options.singleLeg() ? party : null;
            } catch (IllegalArgumentException e) {
                throw new CallException(e.getMessage());
            } catch (IOException e) {
                LOG.warning(() -> "[" + id + "] Cannot record: " + e.getMessage());
                return "Recording not started: " + e.getMessage();
            }
        }
        if (recordingMetadata != null) {
            recording.metadata(recordingMetadata);
        }
        return null;
    }

    /** Ends the running (or paused) session (start → stop → start makes two); null when none ran. */
    CompletableFuture<RecordingStats> stopRecording(long terminatedEpochUs) {
        RecordingSession session = recording != null ? recording : pausedRecording;
        if (session == null) {
            return null;
        }
        recording = null;
        pausedRecording = null;
        pastRecordings.add(session);
        return session.stop(terminatedEpochUs);
    }

    /** Pauses the running session: its files stay open, packets are not recorded until resumed. */
    RecordingStats pauseRecording() {
        if (recording != null) {
            pausedRecording = recording;
            recording = null;
            LOG.info(() -> "[" + id + "] Recording paused");
        }
        return pausedRecording == null ? null : pausedRecording.stats();
    }

    private List<String> recordings() {
        return recording == null ? List.of() : List.of(recording.pcapPath());
    }

    private String recordSdp(OfferAnswer r, String mode, String sdp) {
        String warning = null;
        if (Boolean.TRUE.equals(r.recordCall())) {
            warning = startRecording(RecordingOptions.of(r.metadata()));
        } else if (Boolean.FALSE.equals(r.recordCall())) {
            stopRecording(0);
        } else if (r.metadata() != null && recording != null) {
            recordingMetadata = r.metadata();
            recording.metadata(r.metadata());
        }
        if (recording != null) {
            recording.sdp(mode, sdp, epochUs(System.nanoTime()));
        }
        return warning;
    }

    String id() {
        return id;
    }

    private void touch() {
        lastSignalNs = System.nanoTime();
        lastSignalEpochMs = System.currentTimeMillis();
        deleteAtNs = 0; // signalling after a delayed delete revives the call, as in rtpengine
    }

    private Monologue byTag(String tag) {
        if (tag == null) {
            return null;
        }
        for (Monologue m : monologues) {
            if (tag.equals(m.tag)) {
                return m;
            }
        }
        return null;
    }

    private Monologue add(String tag) {
        Monologue m = new Monologue(this, tag, System.currentTimeMillis());
        monologues.add(m);
        return m;
    }

    private static void link(Monologue a, Monologue b) {
        a.peer = b;
        b.peer = a;
    }

    SdpResult offer(OfferAnswer r) {
        touch();
        if (createdFrom == null) {
            createdFrom = r.source();
        }
        Monologue from = byTag(r.dialog().fromTag());
        if (from == null) {
            from = add(r.dialog().fromTag());
        }
        if (r.label() != null) {
            from.label = r.label();
        }
        Monologue to = offerTarget(from, r.dialog().toTag(), r.dialog().viaBranch());
        link(from, to);
        SessionDescription sdp = r.sdp();
        List<MediaPlan> plans = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            CallMedia sender = from.media(i);
            CallMedia recipient = to.media(i);
            pair(sender, recipient);
            describe(sender, sdp, i, r.endpoint());
            recipient.type = m.type();
            // rtpengine takes the controlling ICE role towards whoever gets the first offer (10.5
            // shows the flag even without ICE, and not after a re-INVITE from the other side).
            recipient.iceControlling |= !recipient.described;
            String protocol = plainProtocolSwitch(m.protocol(), r.transportProtocol());
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
                    offerMux, recipient.ptime, null, protocol, recipient.trickleIce));
        }
        String out = sdpVersion(from, rewrite(sdp, plans, r), r);
        return new SdpResult(out, join(iceWarning(r), recordSdp(r, "offer", out)), recordings());
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
            Monologue named = byTag(toTag);
            if (named != null) {
                return named;
            }
            if (from.peer != null && from.peer.tag == null) {
                from.peer.tag = toTag;
                return from.peer;
            }
            return add(toTag);
        }
        Monologue peer = from.peer;
        if (peer != null && (viaBranch == null || peer.viaBranch == null || viaBranch.equals(peer.viaBranch))) {
            if (viaBranch != null) {
                peer.viaBranch = viaBranch;
            }
            return peer;
        }
        for (Monologue m : monologues) {
            if (m.tag == null && viaBranch != null && viaBranch.equals(m.viaBranch)) {
                return m;
            }
        }
        Monologue branch = add(null);
        branch.viaBranch = viaBranch;
        return branch;
    }

    SdpResult answer(OfferAnswer r) {
        Monologue from = byTag(r.dialog().fromTag());
        if (from == null) {
            throw new CallException(CallException.UNKNOWN_CALL_ID);
        }
        touch();
        Monologue to = answerer(from, r.dialog().toTag(), r.dialog().viaBranch());
        if (r.label() != null) {
            to.label = r.label();
        }
        link(from, to);
        answered = true;
        SessionDescription sdp = r.sdp();
        List<MediaPlan> plans = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            CallMedia sender = to.media(i);
            CallMedia recipient = from.media(i);
            pair(sender, recipient);
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
            plans.add(new MediaPlan(advertised(recipient, r.mediaAddress(), null), recipient.rtpPort, rtcpPort,
                    recipient.rtcpMux, recipient.ptime, answerFormats(recipient, m),
                    plainProtocolSwitch(m.protocol(), recipient.protocol), recipient.trickleIce));
        }
        String out = sdpVersion(to, rewrite(sdp, plans, r), r);
        return new SdpResult(out, join(iceWarning(r), recordSdp(r, "answer", out)), recordings());
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
        boolean plainFrom = from.equals("RTP/AVP") || from.equals("RTP/AVPF");
        boolean plainTo = to.equals("RTP/AVP") || to.equals("RTP/AVPF");
        return plainFrom && plainTo ? to : null;
    }

    /** The party answering: by to-tag, else the pending callee of that branch, which takes the tag. */
    private Monologue answerer(Monologue from, String toTag, String viaBranch) {
        Monologue named = byTag(toTag);
        if (named != null) {
            return named;
        }
        Monologue pending = null;
        for (Monologue m : monologues) {
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
        return add(toTag);
    }

    private static void pair(CallMedia a, CallMedia b) {
        a.peer = b;
        b.peer = a;
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
            media.openPorts(iface, loop, tos >= 0 ? tos : manager.config().tos());
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

    /**
     * rtpengine semantics: a delete naming a known tag (either side) or no tag ends the whole call;
     * a tag the call does not have leaves it alone with a warning, or an error with {@code fatal}.
     * When the offerer has forked to several branches, naming one branch (its to-tag or
     * via-branch) removes only that branch, at once, and the others go on.
     */
    CompletableFuture<DeleteResult> delete(Dialog d, int delaySec, boolean fatal) {
        if ((d.fromTag() != null && byTag(d.fromTag()) == null) || (d.fromTag() == null && d.toTag() != null && byTag(d.toTag()) == null)) {
            if (fatal) {
                throw new CallException(CallException.CALL_OR_TAGS_NOT_FOUND);
            }
            return CompletableFuture.completedFuture(DeleteResult.warning(CallException.CALL_OR_TAGS_NOT_FOUND));
        }
        CallSnapshot stats = d.fromTag() != null ? snapshot() : null;
        Monologue branch = branchToDelete(d);
        if (branch != null) {
            removeBranch(branch);
            return CompletableFuture.completedFuture(new DeleteResult(null, stats, List.of()));
        }
        if (delaySec <= 0) {
            List<CompletableFuture<RecordingStats>> closing = new ArrayList<>();
            for (RecordingSession past : pastRecordings) {
                closing.add(past.stop(0)); // already stopped: completes with its final figures
            }
            CompletableFuture<RecordingStats> running = stopRecording(epochUs(System.nanoTime()));
            if (running != null) {
                closing.add(running);
            }
            destroy(CloseReason.TERMINATED);
            return CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0]))
                    .thenApply(v -> new DeleteResult(null, stats, closing.stream().map(CompletableFuture::join).toList()));
        } else {
            deleteAtNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(delaySec);
            if (deleteAtNs == 0) {
                deleteAtNs = 1;
            }
            LOG.info(() -> "[" + id + "] Scheduling deletion of call in " + delaySec + " seconds");
        }
        return CompletableFuture.completedFuture(new DeleteResult(null, stats, snapshot().recordings()));
    }

    /** The one branch a delete names, when the offerer has other branches; else null (whole call). */
    private Monologue branchToDelete(Dialog d) {
        Monologue offerer = byTag(d.fromTag());
        if (offerer == null || (d.toTag() == null && d.viaBranch() == null)) {
            return null;
        }
        List<Monologue> branches = new ArrayList<>();
        Monologue named = null;
        for (Monologue m : monologues) {
            if (m != offerer && m.peer == offerer) {
                branches.add(m);
                if ((d.toTag() != null && d.toTag().equals(m.tag)) || (d.toTag() == null && d.viaBranch().equals(m.viaBranch))) {
                    named = m;
                }
            }
        }
        return branches.size() > 1 ? named : null;
    }

    private void removeBranch(Monologue branch) {
        branch.closePorts();
        monologues.remove(branch);
        Monologue offerer = branch.peer;
        if (offerer.peer == branch) {
            for (Monologue m : monologues) {
                if (m.peer == offerer && m != offerer) {
                    offerer.peer = m;
                    for (int i = 0; i < Math.min(m.medias.size(), offerer.medias.size()); i++) {
                        pair(offerer.media(i), m.media(i));
                    }
                }
            }
        }
        LOG.info(() -> "[" + id + "] Branch " + (branch.tag != null ? branch.tag : branch.viaBranch) + " deleted");
    }

    /** True while no party holds a port: a call whose first offer failed is removed again. */
    boolean holdsNoPorts() {
        for (Monologue m : monologues) {
            for (CallMedia media : m.medias) {
                if (media.hasPorts()) {
                    return false;
                }
            }
        }
        return true;
    }

    void tick(long nowNs) {
        if (destroyed) {
            return;
        }
        if (deleteAtNs != 0 && nowNs - deleteAtNs >= 0 && !foreign) {
            destroy(CloseReason.TERMINATED);
            return;
        }
        CallConfig cfg = manager.config();
        if (cfg.finalTimeoutSec() > 0 && nowNs - createdNs >= TimeUnit.SECONDS.toNanos(cfg.finalTimeoutSec())) {
            destroy(CloseReason.FINAL_TIMEOUT);
            return;
        }
        if (foreign) {
            return; // rtpengine 10.5: only the final timeout applies to a foreign call
        }
        long last = lastSignalNs;
        boolean oneWay = false;
        for (Monologue m : monologues) {
            last = Math.max(last, m.lastPacketNs());
            for (CallMedia media : m.medias) {
                oneWay |= media.hasPorts() && media.oneWay();
            }
        }
        int limitSec = !answered ? cfg.offerTimeoutSec() : oneWay ? cfg.silentTimeoutSec() : cfg.timeoutSec();
        if (limitSec > 0 && nowNs - last >= TimeUnit.SECONDS.toNanos(limitSec)) {
            destroy(!answered ? CloseReason.OFFER_TIMEOUT : oneWay ? CloseReason.SILENT_TIMEOUT : CloseReason.TIMEOUT);
        }
    }

    void destroy(CloseReason reason) {
        if (destroyed) {
            return;
        }
        destroyed = true;
        long nowNs = System.nanoTime();
        stopRecording(epochUs(nowNs));
        LoopTotals totals = manager.totals(loop);
        long packetsBefore = totals.packets;
        long bytesBefore = totals.bytes;
        if (reason != CloseReason.FAILED) {
            // The call's figures move into the loop's totals here, on the loop, in one step.
            addTraffic(totals);
            if (!foreign) {
                countOneAndZeroWay(totals);
                double durationSec = (nowNs - createdNs) / 1e9;
                totals.closed[reason.ordinal()]++;
                totals.managedSessions++;
                totals.durationSec += durationSec;
                totals.durationSquaredSec += durationSec * durationSec;
            } else if (reason == CloseReason.FINAL_TIMEOUT) {
                // another node's call: its session figures are that node's, but 10.5 counts this one
                totals.closed[reason.ordinal()]++;
            }
        }
        for (Monologue m : monologues) {
            m.closePorts();
        }
        manager.removed(this);
        long p = totals.packets - packetsBefore;
        long b = totals.bytes - bytesBefore;
        LOG.info(() -> "[" + id + "] Call closed (" + reason.label() + "): " + p + " packets, " + b + " bytes relayed");
    }

    /** Adds every stream's counters (read, never written: the packet path owns them). */
    private void addTraffic(LoopTotals totals) {
        for (Monologue m : monologues) {
            for (CallMedia media : m.medias) {
                totals.packets += media.rtp.packets + media.rtcp.packets;
                totals.bytes += media.rtp.bytes + media.rtcp.bytes;
                totals.errors += media.rtp.errors + media.rtcp.errors;
            }
        }
    }

    /** rtpengine's zero-way and one-way streams: per m= line, both legs taken together. */
    private void countOneAndZeroWay(LoopTotals totals) {
        Set<CallMedia> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Monologue m : monologues) {
            for (CallMedia media : m.medias) {
                if (!media.described || !seen.add(media)) {
                    continue;
                }
                CallMedia peer = media.peer;
                if (peer != null) {
                    seen.add(peer);
                }
                boolean sent = media.rtp.packets + media.rtcp.packets > 0;
                boolean received = peer != null && peer.rtp.packets + peer.rtcp.packets > 0;
                if (!sent && !received) {
                    totals.zeroWayStreams++;
                } else if (sent != received) {
                    totals.oneWayStreams++;
                }
            }
        }
    }

    private static int active(PacketStream s, long nowNs) {
        return s.lastPacketNs != 0 && nowNs - s.lastPacketNs < ACTIVE_STREAM_NS ? 1 : 0;
    }

    /** The live figures of this call, for {@link CallManager#stats()} (on the loop). */
    void addLive(LoopTotals totals, long nowNs) {
        totals.sessions++;
        totals.foreignSessions += foreign ? 1 : 0;
        addTraffic(totals);
        boolean v4 = false;
        boolean v6 = false;
        for (Monologue m : monologues) {
            for (CallMedia media : m.medias) {
                if (media.hasPorts()) {
                    v6 |= media.iface.ipv6();
                    v4 |= !media.iface.ipv6();
                }
                totals.activeStreams += active(media.rtp, nowNs) + active(media.rtcp, nowNs);
            }
        }
        if (v4 && v6) {
            totals.mixedSessions++;
        } else if (v6) {
            totals.ipv6Sessions++;
        } else if (v4) {
            totals.ipv4Sessions++;
        }
    }

    CallSnapshot snapshot() {
        long nowNs = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        List<CallSnapshot.Party> parties = new ArrayList<>();
        for (Monologue m : monologues) {
            List<String> subscriptions = new ArrayList<>();
            for (int i = monologues.size() - 1; i >= 0; i--) {
                Monologue other = monologues.get(i);
                if (other != m && other.peer == m) {
                    subscriptions.add(other.tag);
                }
            }
            List<String> subscribers = m.peer == null ? List.of() : Collections.singletonList(m.peer.tag);
            List<CallSnapshot.Media> medias = new ArrayList<>();
            for (CallMedia media : m.medias) {
                medias.add(new CallSnapshot.Media(media.index + 1, media.type, media.protocol, mediaFlags(media),
                        List.of(stream(media, media.rtp, nowNs, nowMs), stream(media, media.rtcp, nowNs, nowMs))));
            }
            parties.add(new CallSnapshot.Party(m.tag, m.label, m.viaBranch, m.createdMs, subscriptions, subscribers, medias));
        }
        List<RecordingStats> recordingStats = new ArrayList<>();
        for (RecordingSession past : pastRecordings) {
            recordingStats.add(past.stats());
        }
        if (recording != null || pausedRecording != null) {
            recordingStats.add((recording != null ? recording : pausedRecording).stats());
        }
        Map<Long, SsrcReport> ssrcs = new LinkedHashMap<>();
        for (Monologue m : monologues) {
            m.ssrcs.reports(ssrcs);
        }
        return new CallSnapshot(id, createdEpochUs, lastSignalEpochMs, parties, recordingStats, createdFrom, deleteAtNs != 0,
                List.copyOf(ssrcs.values()), foreign);
    }

    /** {@code a=ice-options:trickle} (RFC 8840), kept as a query flag even when ICE is removed (10.5). */
    private static boolean offersTrickleIce(String iceOptions) {
        return iceOptions != null && java.util.Arrays.asList(iceOptions.trim().split(" +")).contains("trickle");
    }

    /** rtpengine's media flags, in its order; send/recv are ngrelay's view (a sendonly party: recv). */
    private static List<String> mediaFlags(CallMedia media) {
        List<String> flags = new ArrayList<>();
        if (media.described) {
            flags.add("initialized");
        }
        if (media.rtp.options.asymmetric()) {
            flags.add("asymmetric");
        }
        String dir = media.flagDirection == null ? "sendrecv" : media.flagDirection;
        if (dir.equals("sendrecv") || dir.equals("recvonly")) {
            flags.add("send");
        }
        if (dir.equals("sendrecv") || dir.equals("sendonly")) {
            flags.add("recv");
        }
        if (media.rtcpMux) {
            flags.add("rtcp-mux");
        }
        if (media.trickleIce) {
            flags.add("trickle ICE");
        }
        if (media.iceControlling) {
            flags.add("ICE controlling");
        }
        return flags;
    }

    private CallSnapshot.Stream stream(CallMedia media, PacketStream s, long nowNs, long nowMs) {
        List<String> flags = new ArrayList<>();
        flags.add(s.isRtcp() ? "RTCP" : "RTP");
        if (media.rtcpMux) {
            flags.add(s.isRtcp() ? "fallback RTCP" : "RTCP");
        }
        if (media.described || s.latched) {
            flags.add("filled");
        }
        if (s.confirmed(nowNs)) {
            flags.add("confirmed");
        }
        if (s.options.strictSource()) {
            flags.add("strict source address");
        }
        if (s.options.mediaHandover()) {
            flags.add("media handover");
        }
        long lastPacketMs = s.lastPacketNs == 0 ? createdEpochUs / 1000 : nowMs - TimeUnit.NANOSECONDS.toMillis(nowNs - s.lastPacketNs);
        return new CallSnapshot.Stream(s.isRtcp(), s.localPort(), media.hasPorts() ? media.iface.address() : null,
                s.endpoint != null ? s.endpoint : s.advertised, s.advertised, lastPacketMs, flags, s.packets, s.bytes, s.errors, s.ssrc());
    }
}

package org.ngrelay.core.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.core.quality.QualitySamples;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.core.srtp.SrtpContext;

/**
 * One call (call-id): its parties, timers, delete and end. What the parties' SDPs negotiate is
 * {@link Negotiation}'s, the recording sessions {@link CallRecording}'s, the picture {@code query}
 * shows {@link CallReport}'s. Every method runs on {@link #loop}; {@link CallManager} gets there first.
 */
final class Call {

    private static final Logger LOG = Logger.getLogger(Call.class.getName());
    /** A stream counts as carrying media while its last packet is at most this old (rtpengine's 1 s timer). */
    private static final long ACTIVE_STREAM_NS = TimeUnit.SECONDS.toNanos(1);

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
    final CallRecording recording = new CallRecording(this);
    private final Negotiation negotiation;
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
        this.negotiation = new Negotiation(this, manager);
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

    String id() {
        return id;
    }

    long createdEpochUs() {
        return createdEpochUs;
    }

    Recorder recorder() {
        return manager.recorder();
    }

    /** The ng client whose offer created the call, noted once. */
    void createdFrom(String source) {
        if (createdFrom == null) {
            createdFrom = source;
        }
    }

    void answered() {
        answered = true;
    }

    List<Monologue> monologues() {
        return monologues;
    }

    /** The first party's label: a recording's when no party is named. */
    String firstLabel() {
        return monologues.isEmpty() ? null : monologues.get(0).label;
    }

    void touch() {
        lastSignalNs = System.nanoTime();
        lastSignalEpochMs = System.currentTimeMillis();
        deleteAtNs = 0; // signalling after a delayed delete revives the call, as in rtpengine
    }

    Monologue byTag(String tag) {
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

    Monologue add(String tag) {
        Monologue m = new Monologue(this, tag, System.currentTimeMillis());
        monologues.add(m);
        return m;
    }

    static void link(Monologue a, Monologue b) {
        a.peer = b;
        b.peer = a;
    }

    SdpResult offer(OfferAnswer r) {
        SdpResult result = negotiation.offer(r);
        publishPaths();
        return result;
    }

    SdpResult answer(OfferAnswer r) {
        SdpResult result = negotiation.answer(r);
        publishPaths();
        return result;
    }

    /** Which streams run the SRTP stages: those facing an SRTP party, or relaying to one (decided here, not per packet). */
    void publishPaths() {
        for (Monologue m : monologues) {
            for (CallMedia media : m.medias) {
                boolean secure = media.speaksSrtp() || (media.peer != null && media.peer.speaksSrtp());
                media.rtp.secure = secure;
                media.rtcp.secure = secure;
            }
        }
    }

    static void pair(CallMedia a, CallMedia b) {
        a.peer = b;
        b.peer = a;
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
            List<CompletableFuture<RecordingStats>> closing = recording.close(epochUs(System.nanoTime()));
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
        publishPaths();
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
        recording.stop(epochUs(nowNs));
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
                totals.packets += media.rtp.counter.packets() + media.rtcp.counter.packets();
                totals.bytes += media.rtp.counter.bytes() + media.rtcp.counter.bytes();
                totals.errors += media.rtp.counter.errors() + media.rtcp.counter.errors();
                addSecurity(totals, media.rtp, true);
                addSecurity(totals, media.rtcp, false);
            }
        }
    }

    /** A stream's SRTP refusals and DTLS failures; SDES streams share the media's context, counted once (on RTP). */
    private static void addSecurity(LoopTotals totals, PacketStream stream, boolean rtp) {
        SrtpContext in = stream.inbound();
        if (in != null && (stream.dtls != null || rtp)) {
            totals.srtpAuthFailures += in.authFailures();
            totals.srtpReplays += in.replays();
        }
        totals.dtlsFailures += stream.dtlsFailures;
        totals.dtlsFingerprintMismatches += stream.dtlsFingerprintMismatches;
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
                boolean sent = media.rtp.counter.packets() + media.rtcp.counter.packets() > 0;
                boolean received = peer != null && peer.rtp.counter.packets() + peer.rtcp.counter.packets() > 0;
                if (!sent && !received) {
                    totals.zeroWayStreams++;
                } else if (sent != received) {
                    totals.oneWayStreams++;
                }
            }
        }
    }

    private static int active(PacketStream s, long nowNs) {
        long last = s.counter.lastPacketNs();
        return last != 0 && nowNs - last < ACTIVE_STREAM_NS ? 1 : 0;
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
        return CallReport.of(this, monologues, createdEpochUs, lastSignalEpochMs, createdFrom, deleteAtNs != 0);
    }
}

package org.ngrelay.core.call;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.iface.Interfaces;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.load.LoadLimits;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.net.MediaLoopGroup;
import org.ngrelay.core.port.PortPool;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.recording.RecordingStats;

/**
 * All calls, by call-id. Thread-safe entry point for the control plane: each operation is run on
 * the call's media loop and its result handed back through a {@link CompletableFuture}, which
 * fails with {@link CallException} for rtpengine's error answers.
 */
public final class CallManager {

    private static final Logger LOG = Logger.getLogger(CallManager.class.getName());

    /**
     * The settings as the operator last set them ({@code set timeout} etc. replace the whole record):
     * each call's once-a-tick timeout check reads this one volatile field, no lock.
     */
    private final AtomicReference<CallConfig> config;
    private final Interfaces interfaces;
    private final MediaLoopGroup loops;
    private final Recorder recorder;
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** rtpengine's loop-protect id: 12 hex digits, one per daemon. */
    private final String loopProtectTag;
    /** Each loop's totals, written and read only on that loop (see {@link LoopTotals}). */
    private final Map<MediaLoop, LoopTotals> loopTotals = new IdentityHashMap<>();
    /** New calls refused by the session or load limits (counted on the control thread). */
    private final AtomicLong rejected = new AtomicLong();
    /** {@code --max-sessions}, {@code set maxsessions}: -1 for no limit, 0 refuses every new call. */
    private volatile int maxSessions = -1;
    private volatile MosMode mosMode = MosMode.CQ;
    /** {@code --max-load}, {@code --max-cpu}, {@code --max-bandwidth}: no sampling thread until a limit is set. */
    private final LoadLimits loadLimits = LoadLimits.start(0, 0, 0, this::receivedBytes);
    private final long startedNs = System.nanoTime();
    /** The daemon's DTLS certificate and settings: made on first use unless the daemon set them at start-up. */
    private DtlsConfig dtls;
    private final RateMeter rates = new RateMeter();

    public CallManager(CallConfig config, Interfaces interfaces, MediaLoopGroup loops) {
        this(config, interfaces, loops, Recorder.NONE);
    }

    public CallManager(CallConfig config, Interfaces interfaces, MediaLoopGroup loops, Recorder recorder) {
        this.config = new AtomicReference<>(Objects.requireNonNull(config));
        this.interfaces = interfaces;
        this.loops = loops;
        this.recorder = recorder;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.loopProtectTag = HexFormat.of().formatHex(random);
        for (int i = 0; i < loops.size(); i++) {
            MediaLoop loop = loops.get(i);
            loopTotals.put(loop, new LoopTotals());
            loop.onTick(now -> tick(loop, now));
        }
    }

    /** The current settings; running calls follow a change from their next tick on. */
    public CallConfig config() {
        return config.get();
    }

    /** {@code set timeout|silenttimeout|finaltimeout|offertimeout|deletedelay}: returns the new settings. */
    public CallConfig config(UnaryOperator<CallConfig> change) {
        return config.updateAndGet(change);
    }

    public Interfaces interfaces() {
        return interfaces;
    }

    /** The {@code --dtls-*} settings and certificate for every call from now on. */
    public synchronized void dtls(DtlsConfig settings) {
        dtls = Objects.requireNonNull(settings);
    }

    /** The DTLS settings; rtpengine 10.5's defaults (and a fresh certificate) when none were set. */
    public synchronized DtlsConfig dtls() {
        if (dtls == null) {
            dtls = DtlsConfig.defaults();
        }
        return dtls;
    }

    Recorder recorder() {
        return recorder;
    }

    String loopProtectTag() {
        return loopProtectTag;
    }

    public CompletableFuture<SdpResult> offer(OfferAnswer r) {
        // loop-protect: an SDP carrying our own marker has been through us already; hand it back
        // untouched and create nothing (rtpengine 10.5, golden 031).
        if (r.loopProtect() && loopProtectTag.equals(r.sdp().sessionAttribute("rtpengine"))) {
            return CompletableFuture.completedFuture(new SdpResult(r.sdp().text(), null, List.of()));
        }
        return onCall(r.dialog().callId(), true, call -> call.offer(r));
    }

    public CompletableFuture<SdpResult> answer(OfferAnswer r) {
        return onCall(r.dialog().callId(), false, call -> call.answer(r));
    }

    /**
     * @param delaySec {@code delete-delay} of the request, or null for {@code --delete-delay}
     * @param fatal    an unknown call or tag is an error instead of a warning
     */
    public CompletableFuture<DeleteResult> delete(Dialog d, Integer delaySec, boolean fatal) {
        if (!calls.containsKey(d.callId())) {
            if (fatal) {
                return CompletableFuture.failedFuture(new CallException(CallException.CALL_OR_TAGS_NOT_FOUND));
            }
            return CompletableFuture.completedFuture(DeleteResult.warning(CallException.CALL_OR_TAGS_NOT_FOUND));
        }
        int delay = delaySec != null ? delaySec : config.get().deleteDelaySec();
        return onCall(d.callId(), false, call -> call.delete(d, delay, fatal)).thenCompose(f -> f);
    }

    /**
     * {@code start recording}: the whole call (rtpengine ignores the tags). Completes with a
     * warning when the files cannot be created, else null.
     */
    public CompletableFuture<String> startRecording(Dialog d, RecordingOptions options) {
        return onCall(d.callId(), false, call -> call.recording.start(options));
    }

    /** {@code stop recording}: ends the running session; completes with its final figures, or null. */
    public CompletableFuture<RecordingStats> stopRecording(Dialog d) {
        return onCall(d.callId(), false, call -> {
            CompletableFuture<RecordingStats> f = call.recording.stop(0);
            return f == null ? CompletableFuture.<RecordingStats>completedFuture(null) : f;
        }).thenCompose(f -> f);
    }

    /** {@code pause recording} (or {@code stop recording} with {@code pause}); completes with the session's figures, or null. */
    public CompletableFuture<RecordingStats> pauseRecording(Dialog d) {
        return onCall(d.callId(), false, call -> call.recording.pause());
    }

    public CompletableFuture<CallSnapshot> query(Dialog d) {
        return onCall(d.callId(), false, Call::snapshot);
    }

    /** Call-ids, newest first as rtpengine lists them, at most {@code limit}. */
    public List<String> list(int limit) {
        List<Call> all = new ArrayList<>(calls.values());
        all.sort(Comparator.comparingLong((Call c) -> c.sequence).reversed());
        List<String> ids = new ArrayList<>();
        for (Call c : all) {
            if (ids.size() >= limit) {
                break;
            }
            ids.add(c.id());
        }
        return ids;
    }

    public int callCount() {
        return calls.size();
    }

    /** -1: no limit; 0: drain (calls go on, new ones are refused); N: at most N calls. */
    public void maxSessions(int limit) {
        if (limit < -1) {
            throw new IllegalArgumentException("the session limit is -1 (none) or at least 0");
        }
        maxSessions = limit;
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** {@code --mos}: how the RTCP quality stage computes MOS (read as each report arrives). */
    public void mosMode(MosMode mode) {
        mosMode = Objects.requireNonNull(mode);
    }

    public MosMode mosMode() {
        return mosMode;
    }

    /** {@code --max-load}, {@code --max-cpu}, {@code --max-bandwidth}, settable at run time; close it at shutdown. */
    public LoadLimits loadLimits() {
        return loadLimits;
    }

    /** Bytes of media received since start (ended calls included), for {@code --max-bandwidth}. */
    public CompletableFuture<Long> receivedBytes() {
        return totals().thenApply(t -> t.bytes);
    }

    /**
     * Ends a call at once, as rtpengine-ctl's {@code terminate} does (counted as force-terminated).
     * Completes with false for an unknown call-id.
     */
    public CompletableFuture<Boolean> terminate(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        call.loop.execute(() -> done.complete(!call.destroyed && terminateNow(call)));
        return done;
    }

    private static boolean terminateNow(Call call) {
        LOG.info(() -> "[" + call.id() + "] Call terminated by operator");
        call.destroy(CloseReason.FORCE_TERMINATED);
        return true;
    }

    /** Ends every call; completes with how many were ended. */
    public CompletableFuture<Integer> terminateAll() {
        return eachCall(CallManager::terminateNow);
    }

    /** Ends every own call ({@code foreign == false}) or every foreign one: rtpengine-ctl's {@code terminate own|foreign}. */
    public CompletableFuture<Integer> terminateAll(boolean foreign) {
        return eachCall(call -> call.foreign == foreign && terminateNow(call));
    }

    /**
     * rtpengine-ctl's {@code standby} (true) and {@code active} (false): every call becomes foreign
     * or own. A foreign call is left to the peer that owns it: only {@code --final-timeout} ends it,
     * and it counts as foreign in the statistics; calls made later are own, as in rtpengine 10.5.
     */
    public CompletableFuture<Integer> foreign(boolean foreign) {
        return eachCall(call -> {
            call.foreign = foreign;
            return true;
        });
    }

    /** Runs {@code action} on each live call's loop; completes with how many returned true. */
    private CompletableFuture<Integer> eachCall(java.util.function.Predicate<Call> action) {
        List<CompletableFuture<Boolean>> each = new ArrayList<>();
        for (Call call : new ArrayList<>(calls.values())) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            call.loop.execute(() -> done.complete(!call.destroyed && action.test(call)));
            each.add(done);
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> (int) each.stream().filter(CompletableFuture::join).count());
    }

    /** A snapshot of every call, newest first (the CLI's {@code list sessions all}). */
    public CompletableFuture<List<CallSnapshot>> snapshots() {
        List<CompletableFuture<CallSnapshot>> each = new ArrayList<>();
        for (String id : list(Integer.MAX_VALUE)) {
            // a call that ends meanwhile is left out
            each.add(query(Dialog.of(id)).exceptionally(e -> null));
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> each.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    /**
     * The daemon's figures. Each media loop adds up its own calls' stream counters and its ended
     * calls' totals in one task, so a call is counted exactly once even while it ends; the packet
     * path is not touched. Does not complete once the loops have stopped (callers time out).
     */
    public CompletableFuture<DaemonStats> stats() {
        return totals().thenApply(this::toStats);
    }

    private CompletableFuture<LoopTotals> totals() {
        List<CompletableFuture<LoopTotals>> parts = new ArrayList<>();
        for (Map.Entry<MediaLoop, LoopTotals> e : loopTotals.entrySet()) {
            CompletableFuture<LoopTotals> part = new CompletableFuture<>();
            MediaLoop loop = e.getKey();
            loop.execute(() -> {
                LoopTotals t = e.getValue().copy();
                long nowNs = System.nanoTime();
                for (Call call : calls.values()) {
                    if (call.loop == loop && !call.destroyed) {
                        call.addLive(t, nowNs);
                    }
                }
                part.complete(t);
            });
            parts.add(part);
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            LoopTotals sum = new LoopTotals();
            parts.forEach(p -> sum.add(p.join()));
            return sum;
        });
    }

    private DaemonStats toStats(LoopTotals t) {
        Map<CloseReason, Long> closed = new EnumMap<>(CloseReason.class);
        for (CloseReason r : CloseReason.values()) {
            if (r != CloseReason.FAILED) {
                closed.put(r, t.closed[r.ordinal()]);
            }
        }
        closed.put(CloseReason.REJECTED, rejected.get());
        double[] perSecond = rates.update(System.nanoTime(), t.packets, t.bytes, t.errors);
        List<DaemonStats.PortUsage> ports = new ArrayList<>();
        for (LocalInterface i : interfaces.all()) {
            PortPool pool = i.ports();
            ports.add(new DaemonStats.PortUsage(i.name(), i.address(), pool.firstPort(), pool.lastPort(),
                    2 * pool.pairsInUse(), 2 * pool.pairsTotal(), pool.lastReserved()));
        }
        long uptimeSec = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNs);
        return new DaemonStats(uptimeSec, t.sessions, t.foreignSessions, t.ipv4Sessions, t.ipv6Sessions, t.mixedSessions, t.activeStreams,
                t.managedSessions, closed, t.packets, t.bytes, t.errors, perSecond[0], perSecond[1], perSecond[2],
                t.zeroWayStreams, t.oneWayStreams, t.durationSec, t.durationSquaredSec, maxSessions, ports,
                recorder.totals(), t.quality.snapshot(), t.srtpAuthFailures, t.srtpReplays,
                t.dtlsFailures, t.dtlsFingerprintMismatches);
    }

    LoopTotals totals(MediaLoop loop) {
        return loopTotals.get(loop);
    }

    void removed(Call call) {
        calls.remove(call.id(), call);
    }

    /** Null when a new call may be created, else which limit refuses it: sessions, then load, CPU, bandwidth. */
    private LoadLimits.Refusal admission() {
        int limit = maxSessions;
        int sessions = calls.size();
        if (limit >= 0 && sessions >= limit) {
            return new LoadLimits.Refusal(CallException.LOAD_LIMIT, sessions + " of " + limit + " sessions");
        }
        return loadLimits.check();
    }

    private <T> CompletableFuture<T> onCall(String callId, boolean create, Function<Call, T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call existing = calls.get(callId);
        if (existing == null && create) {
            // rtpengine refuses only new calls; offers and answers of existing ones go on
            LoadLimits.Refusal refusal = admission();
            if (refusal != null) {
                rejected.incrementAndGet();
                LOG.warning(() -> "[" + callId + "] " + refusal.message() + " (" + refusal.detail() + "): new call refused");
                result.completeExceptionally(CallException.loadLimit(refusal.message()));
                return result;
            }
            existing = calls.computeIfAbsent(callId, id -> new Call(id, loops.next(), this, sequence.incrementAndGet()));
        }
        Call call = existing;
        if (call == null) {
            result.completeExceptionally(new CallException(CallException.UNKNOWN_CALL_ID));
            return result;
        }
        call.loop.execute(() -> {
            if (call.destroyed) {
                // Lost a race with a delete or timeout of the same call-id: start over.
                onCall(callId, create, operation).whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(v);
                    }
                });
                return;
            }
            try {
                result.complete(operation.apply(call));
            } catch (CallException e) {
                LOG.warning(() -> "[" + callId + "] " + e.getMessage());
                dropIfEmpty(call);
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "[" + callId + "] request failed", e);
                dropIfEmpty(call);
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static void dropIfEmpty(Call call) {
        if (call.holdsNoPorts()) {
            call.destroy(CloseReason.FAILED);
        }
    }

    private void tick(MediaLoop loop, long nowNs) {
        for (Call call : calls.values()) {
            if (call.loop == loop) {
                call.tick(nowNs);
            }
        }
    }
}

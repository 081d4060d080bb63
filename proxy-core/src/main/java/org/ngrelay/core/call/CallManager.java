package org.ngrelay.core.call;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.iface.Interfaces;
import org.ngrelay.core.net.MediaLoop;
import org.ngrelay.core.net.MediaLoopGroup;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.recording.RecordingStats;

/**
 * All calls, by call-id. Thread-safe entry point for the control plane: each operation is run on
 * the call's media loop and its result handed back through a {@link CompletableFuture}, which
 * fails with {@link CallException} for rtpengine's error answers.
 */
public final class CallManager {

    private static final Logger LOG = Logger.getLogger(CallManager.class.getName());

    private final CallConfig config;
    private final Interfaces interfaces;
    private final MediaLoopGroup loops;
    private final Recorder recorder;
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** rtpengine's loop-protect id: 12 hex digits, one per daemon. */
    private final String loopProtectTag;

    public CallManager(CallConfig config, Interfaces interfaces, MediaLoopGroup loops) {
        this(config, interfaces, loops, Recorder.NONE);
    }

    public CallManager(CallConfig config, Interfaces interfaces, MediaLoopGroup loops, Recorder recorder) {
        this.config = config;
        this.interfaces = interfaces;
        this.loops = loops;
        this.recorder = recorder;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.loopProtectTag = HexFormat.of().formatHex(random);
        for (int i = 0; i < loops.size(); i++) {
            MediaLoop loop = loops.get(i);
            loop.onTick(now -> tick(loop, now));
        }
    }

    CallConfig config() {
        return config;
    }

    public Interfaces interfaces() {
        return interfaces;
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
        int delay = delaySec != null ? delaySec : config.deleteDelaySec();
        return onCall(d.callId(), false, call -> call.delete(d, delay, fatal)).thenCompose(f -> f);
    }

    /**
     * {@code start recording}: the whole call (rtpengine ignores the tags). Completes with a
     * warning when the files cannot be created, else null.
     */
    public CompletableFuture<String> startRecording(Dialog d, RecordingOptions options) {
        return onCall(d.callId(), false, call -> call.startRecording(options));
    }

    /** {@code stop recording}: ends the running session; completes with its final figures, or null. */
    public CompletableFuture<RecordingStats> stopRecording(Dialog d) {
        return onCall(d.callId(), false, call -> {
            CompletableFuture<RecordingStats> f = call.stopRecording(0);
            return f == null ? CompletableFuture.<RecordingStats>completedFuture(null) : f;
        }).thenCompose(f -> f);
    }

    /** {@code pause recording} (or {@code stop recording} with {@code pause}); completes with the session's figures, or null. */
    public CompletableFuture<RecordingStats> pauseRecording(Dialog d) {
        return onCall(d.callId(), false, Call::pauseRecording);
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

    void removed(Call call) {
        calls.remove(call.id(), call);
    }

    private <T> CompletableFuture<T> onCall(String callId, boolean create, Function<Call, T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call call = create
                ? calls.computeIfAbsent(callId, id -> new Call(id, loops.next(), this, sequence.incrementAndGet()))
                : calls.get(callId);
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
            call.destroy("failed");
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

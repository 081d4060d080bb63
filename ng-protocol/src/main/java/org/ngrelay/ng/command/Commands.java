package org.ngrelay.ng.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ngrelay.core.call.CallException;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.core.call.RecordingOptions;
import org.ngrelay.core.call.SdpResult;
import org.ngrelay.core.recording.RecordingStats;
import org.ngrelay.ng.stats.ControlStats;
import org.ngrelay.ng.stats.StatisticsReply;

/**
 * The ng commands ngrelay answers, by their exact (case-sensitive) rtpengine names. A handler
 * throws {@link NgError} for a request it cannot take, or returns a future of the reply
 * (without {@code result}, which the caller adds).
 */
public final class Commands {

    /** rtpengine's default for {@code list}. */
    private static final int LIST_DEFAULT_LIMIT = 32;

    /** A stats reading waits this long for the media loops (they answer in microseconds unless stopping). */
    private static final long STATS_TIMEOUT_MS = 2000;

    private final CallManager calls;
    private final NgOptions options;
    private final ControlStats control = new ControlStats();
    /** Filled at construction, plus {@link #cli} once the daemon has its CLI (requests may already be arriving). */
    private final Map<String, Function<NgRequest, CompletableFuture<Map<String, Object>>>> handlers = new ConcurrentHashMap<>();

    public Commands(CallManager calls) {
        this(calls, NgOptions.DEFAULTS);
    }

    public Commands(CallManager calls, NgOptions options) {
        this.calls = calls;
        this.options = options;
        handlers.put("ping", r -> CompletableFuture.completedFuture(result("pong")));
        handlers.put("offer", r -> offerAnswer(r, false));
        handlers.put("answer", r -> offerAnswer(r, true));
        handlers.put("delete", this::delete);
        handlers.put("query", this::query);
        handlers.put("list", this::list);
        handlers.put("start recording", this::startRecording);
        handlers.put("stop recording", this::stopRecording);
        handlers.put("pause recording", this::pauseRecording);
        handlers.put("statistics", r -> statistics().thenApply(stats -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("statistics", stats);
            reply.put("result", "ok");
            return reply;
        }));
    }

    /**
     * Newer rtpengine's {@code cli} command (also spelled {@code CLI}; 10.5 answers "Unrecognized
     * command"): {@code body} is a CLI command line as {@code rtpengine-ctl} sends it, the reply's
     * {@code response} the text the CLI socket would print.
     */
    public void cli(Function<String, CompletableFuture<String>> runner) {
        Function<NgRequest, CompletableFuture<Map<String, Object>>> handler = r -> {
            String body = r.string("body");
            if (body == null) {
                throw new NgError(NgError.NO_CLI_BODY);
            }
            return runner.apply(body).thenApply(text -> {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("response", text);
                reply.put("result", "ok");
                return reply;
            });
        };
        handlers.put("cli", handler);
        handlers.put("CLI", handler);
    }

    /** Requests answered, per client and command; {@link org.ngrelay.ng.NgProcessor} records into it. */
    public ControlStats controlStats() {
        return control;
    }

    public CallManager calls() {
        return calls;
    }

    /** The {@code statistics} dictionary (also the CLI's {@code list jsonstats}). */
    public CompletableFuture<Map<String, Object>> statistics() {
        return calls.stats().orTimeout(STATS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .thenApply(stats -> StatisticsReply.of(stats, control));
    }

    /** @return null when the command is not one ngrelay knows */
    public Function<NgRequest, CompletableFuture<Map<String, Object>>> handler(String command) {
        return handlers.get(command);
    }

    static String requireCallId(NgRequest r) {
        String callId = r.string("call-id");
        if (callId == null || callId.isEmpty()) {
            throw new NgError(NgError.NO_CALL_ID);
        }
        return callId;
    }

    static Map<String, Object> result(String result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result);
        return m;
    }

    private CompletableFuture<Map<String, Object>> offerAnswer(NgRequest r, boolean answer) {
        OfferAnswerParser.Parsed parsed = OfferAnswerParser.parse(r, answer, options);
        CompletableFuture<SdpResult> future = answer ? calls.answer(parsed.request()) : calls.offer(parsed.request());
        return loadLimit(r, future.thenApply(sdp -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("sdp", sdp.sdp());
            if (!sdp.recordings().isEmpty()) {
                reply.put("recordings", new ArrayList<Object>(sdp.recordings()));
            }
            String warning = join(parsed.warning(), sdp.warning());
            if (warning != null) {
                reply.put("warning", warning);
            }
            reply.put("result", "ok");
            return reply;
        }));
    }

    /**
     * A new call refused by the session limit: {@code result: load limit} with rtpengine's
     * {@code message} when the client said {@code supports: [load limit]} (Kamailio does, and then
     * tries another rtpengine), otherwise the same text as an error.
     */
    private static CompletableFuture<Map<String, Object>> loadLimit(NgRequest r, CompletableFuture<Map<String, Object>> reply) {
        if (!r.strings("supports").contains("load limit")) {
            return reply;
        }
        return reply.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CallException ce && CallException.LOAD_LIMIT.equals(ce.getMessage())) {
                Map<String, Object> m = result("load limit");
                m.put("message", ce.limitMessage());
                return CompletableFuture.completedFuture(m);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private CompletableFuture<Map<String, Object>> delete(NgRequest r) {
        Dialog dialog = new Dialog(requireCallId(r), r.string("from-tag"), r.string("to-tag"), r.string("via-branch"));
        return calls.delete(dialog, r.integer("delete-delay"), r.flag("fatal")).thenApply(result -> {
            Map<String, Object> reply = result.stats() != null ? QueryReply.of(result.stats()) : new LinkedHashMap<>();
            if (!result.recordings().isEmpty()) {
                List<Object> recordings = new ArrayList<>();
                result.recordings().forEach(stats -> recordings.add(QueryReply.recording(stats)));
                reply.put("recordings", recordings);
            }
            if (result.warning() != null) {
                reply.put("warning", result.warning());
            }
            reply.put("result", "ok");
            return reply;
        });
    }

    private CompletableFuture<Map<String, Object>> startRecording(NgRequest r) {
        Dialog dialog = new Dialog(requireCallId(r), r.string("from-tag"), r.string("to-tag"), r.string("via-branch"));
        String directory = r.string("recording-dir") != null ? r.string("recording-dir") : r.string("recording-path");
        RecordingOptions options = new RecordingOptions(r.string("metadata"), r.flag("single-leg"), r.string("from-tag"),
                r.string("recording-file"), directory, r.string("recording-pattern"));
        return calls.startRecording(dialog, options).thenApply(warning -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            if (warning != null) {
                reply.put("warning", warning);
            }
            reply.put("result", "ok");
            return reply;
        });
    }

    /**
     * rtpengine answers plain ok; ngrelay adds what the finished session wrote (clients ignore extra
     * keys). With the {@code pause} flag (or {@code pause: yes}, as OpenSIPS sends) it pauses instead.
     */
    private CompletableFuture<Map<String, Object>> stopRecording(NgRequest r) {
        if (r.flag("pause") || r.yes("pause")) {
            return pauseRecording(r);
        }
        Dialog dialog = new Dialog(requireCallId(r), r.string("from-tag"), r.string("to-tag"), r.string("via-branch"));
        return recordingReply(calls.stopRecording(dialog));
    }

    /** OpenSIPS's {@code pause recording}: the same files go on when {@code start recording} comes again. */
    private CompletableFuture<Map<String, Object>> pauseRecording(NgRequest r) {
        Dialog dialog = new Dialog(requireCallId(r), r.string("from-tag"), r.string("to-tag"), r.string("via-branch"));
        return recordingReply(calls.pauseRecording(dialog));
    }

    private static CompletableFuture<Map<String, Object>> recordingReply(CompletableFuture<RecordingStats> stopped) {
        return stopped.thenApply(stats -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            if (stats != null) {
                reply.put("recordings", new ArrayList<Object>(List.of(QueryReply.recording(stats))));
            }
            reply.put("result", "ok");
            return reply;
        });
    }

    private CompletableFuture<Map<String, Object>> query(NgRequest r) {
        return calls.query(Dialog.of(requireCallId(r))).thenApply(snapshot -> {
            Map<String, Object> reply = QueryReply.of(snapshot);
            reply.put("result", "ok");
            return reply;
        });
    }

    private CompletableFuture<Map<String, Object>> list(NgRequest r) {
        Integer limit = r.integer("limit");
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("calls", new ArrayList<Object>(calls.list(limit != null && limit >= 0 ? limit : LIST_DEFAULT_LIMIT)));
        reply.put("result", "ok");
        return CompletableFuture.completedFuture(reply);
    }
}

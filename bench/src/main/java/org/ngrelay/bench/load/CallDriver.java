package org.ngrelay.bench.load;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** Sets calls up and tears them down over ng: offer from A, answer from B, delete. */
final class CallDriver {

    private final BenchNgClient ng;
    private final String runId;

    CallDriver(BenchNgClient ng, String runId) {
        this.ng = ng;
        this.runId = runId;
    }

    long retransmissions() {
        return ng.retransmissions();
    }

    String callId(int index) {
        return "bench-" + runId + "-" + index;
    }

    static Map<String, Object> request(String command, String callId, String... keyValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", command);
        r.put("call-id", callId);
        for (int i = 0; i < keyValues.length; i += 2) {
            r.put(keyValues[i], keyValues[i + 1]);
        }
        return r;
    }

    /** Offer then answer for call {@code index}; completes with where each side must send. */
    CompletableFuture<RtpGen.CallTargets> setUp(int index, InetSocketAddress caller, InetSocketAddress callee) {
        String id = callId(index);
        Map<String, Object> offer = request("offer", id, "from-tag", "caller-" + index, "sdp", Sdp.g711(caller, 1000 + index, true));
        offer.put("replace", List.of("origin"));
        return ng.send(offer).thenCompose(offered -> {
            InetSocketAddress bSendsTo = Sdp.audioTarget(sdp(offered, "offer", id));
            Map<String, Object> answer = request("answer", id, "from-tag", "caller-" + index, "to-tag", "callee-" + index,
                    "sdp", Sdp.g711(callee, 2000 + index, false));
            answer.put("replace", List.of("origin"));
            return ng.send(answer).thenApply(answered ->
                    new RtpGen.CallTargets(Sdp.audioTarget(sdp(answered, "answer", id)), bSendsTo));
        });
    }

    CompletableFuture<Map<String, Object>> delete(int index) {
        Map<String, Object> delete = request("delete", callId(index), "from-tag", "caller-" + index);
        delete.put("delete-delay", 0L);
        return ng.send(delete);
    }

    /** Sets up calls {@code from}..{@code to-1}, at most {@code window} at a time. */
    RtpGen.CallTargets[] setUpAll(int from, int to, int window, RtpGen generator) {
        Semaphore inFlight = new Semaphore(window);
        List<CompletableFuture<RtpGen.CallTargets>> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            inFlight.acquireUninterruptibly();
            all.add(setUp(i, generator.callerAddress(i), generator.calleeAddress(i)).whenComplete((t, e) -> inFlight.release()));
        }
        RtpGen.CallTargets[] out = new RtpGen.CallTargets[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i).join();
        }
        return out;
    }

    /** Deletes calls {@code 0..count-1}; returns how many were not answered with ok. */
    long deleteAll(int count, int window) {
        Semaphore inFlight = new Semaphore(window);
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquireUninterruptibly();
            all.add(delete(i).whenComplete((r, e) -> {
                if (e != null || !"ok".equals(r.get("result"))) {
                    failed.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        all.forEach(f -> f.exceptionally(e -> null).join());
        return failed.get();
    }

    static String sdp(Map<String, Object> reply, String what, String callId) {
        Object result = reply.get("result");
        if (!"ok".equals(result) || !(reply.get("sdp") instanceof String sdp)) {
            throw new IllegalStateException(what + " of " + callId + " answered " + result
                    + (reply.containsKey("error-reason") ? ": " + reply.get("error-reason") : ""));
        }
        return sdp;
    }
}

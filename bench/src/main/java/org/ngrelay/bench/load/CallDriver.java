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
    private final String srtpSuite;

    /** {@code srtpSuite}: bridge the callee leg to SDES SRTP of that suite, or null for plain calls. */
    CallDriver(BenchNgClient ng, String runId, String srtpSuite) {
        this.ng = ng;
        this.runId = runId;
        this.srtpSuite = srtpSuite;
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

    /**
     * Offer then answer for call {@code index}; completes with where each side must send. With
     * SRTP the plain caller's offer asks for RTP/SAVP towards the callee, and the callee answers
     * the daemon's line of the suite with its own fresh key (the daemon's answer to the caller is
     * plain RTP/AVP, as rtpengine 10.5's is).
     */
    CompletableFuture<RtpGen.CallTargets> setUp(int index, InetSocketAddress caller, InetSocketAddress callee) {
        String id = callId(index);
        Map<String, Object> offer = request("offer", id, "from-tag", "caller-" + index, "sdp", Sdp.g711(caller, 1000 + index, true));
        offer.put("replace", List.of("origin"));
        if (srtpSuite != null) {
            offer.put("transport-protocol", "RTP/SAVP");
        }
        return ng.send(offer).thenCompose(offered -> {
            String offerSdp = sdp(offered, "offer", id);
            InetSocketAddress bSendsTo = Sdp.audioTarget(offerSdp);
            if (srtpSuite != null && !"RTP/SAVP".equals(Sdp.audioProfile(offerSdp))) {
                throw new IllegalStateException("offer of " + id + " to the callee is " + Sdp.audioProfile(offerSdp) + ", not RTP/SAVP");
            }
            RtpGen.SrtpKeys keys = null;
            String answerSdp;
            if (srtpSuite == null) {
                answerSdp = Sdp.g711(callee, 2000 + index, false);
            } else {
                Sdes.Offered o = Sdes.offered(offerSdp, srtpSuite);
                keys = new RtpGen.SrtpKeys(Sdes.freshKey(srtpSuite), o.key());
                answerSdp = Sdp.g711(callee, 2000 + index, false, "RTP/SAVP", Sdes.answerLine(o.tag(), srtpSuite, keys.calleeSends()));
            }
            Map<String, Object> answer = request("answer", id, "from-tag", "caller-" + index, "to-tag", "callee-" + index,
                    "sdp", answerSdp);
            answer.put("replace", List.of("origin"));
            RtpGen.SrtpKeys calleeKeys = keys;
            return ng.send(answer).thenApply(answered -> {
                String answeredSdp = sdp(answered, "answer", id);
                if (calleeKeys != null && (answeredSdp.contains("a=crypto:") || !"RTP/AVP".equals(Sdp.audioProfile(answeredSdp)))) {
                    throw new IllegalStateException("answer of " + id + " to the plain caller is not plain RTP/AVP:\n" + answeredSdp);
                }
                return new RtpGen.CallTargets(Sdp.audioTarget(answeredSdp), bSendsTo, calleeKeys);
            });
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

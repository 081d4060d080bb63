package org.ngrelay.bench.load;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The control-plane point: {@code window} call cycles in flight, each an offer, an answer and a
 * delete (delete-delay 0, so ports are freed at once), counted while they complete.
 */
final class ControlPlane {

    record Outcome(long cycles, long failures, double seconds) {
        double perSecond() {
            return cycles / seconds;
        }
    }

    private final CallDriver calls;
    private final InetSocketAddress caller;
    private final InetSocketAddress callee;
    private final AtomicLong next = new AtomicLong(1_000_000);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long countFromNs = Long.MAX_VALUE;
    private volatile long stopAtNs;

    ControlPlane(CallDriver calls, InetSocketAddress caller, InetSocketAddress callee) {
        this.calls = calls;
        this.caller = caller;
        this.callee = callee;
    }

    /** Runs for {@code warmupSec} uncounted, then {@code seconds} counted; waits for the stragglers. */
    Outcome run(int window, int warmupSec, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        countFromNs = start + TimeUnit.SECONDS.toNanos(warmupSec);
        stopAtNs = countFromNs + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<?>[] loops = new CompletableFuture<?>[window];
        for (int w = 0; w < window; w++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops[w] = done;
            cycle(done);
        }
        CompletableFuture.allOf(loops).join();
        return new Outcome(completed.get(), failed.get(), seconds);
    }

    private void cycle(CompletableFuture<Void> done) {
        if (System.nanoTime() >= stopAtNs) {
            done.complete(null);
            return;
        }
        int index = (int) next.getAndIncrement();
        calls.setUp(index, caller, callee)
                .thenCompose(t -> calls.delete(index))
                .whenComplete((r, e) -> {
                    long now = System.nanoTime();
                    if (now >= countFromNs && now < stopAtNs) {
                        if (e != null || !"ok".equals(r.get("result"))) {
                            failed.incrementAndGet();
                        } else {
                            completed.incrementAndGet();
                        }
                    }
                    cycle(done);
                });
    }
}

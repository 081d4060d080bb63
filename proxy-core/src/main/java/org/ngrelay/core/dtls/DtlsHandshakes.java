package org.ngrelay.core.dtls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads BC's blocking handshakes run on: up to {@link #THREADS} at once (a handshake holds
 * its thread for a few round trips, and a short linger after); more wait their turn in the queue,
 * their peers retransmitting meanwhile. Idle threads end after 30 s. Never a media loop thread.
 */
public final class DtlsHandshakes {

    static final int THREADS = 64;

    private static final ExecutorService SHARED = create();

    private DtlsHandshakes() {
    }

    public static ExecutorService shared() {
        return SHARED;
    }

    private static ExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ngrelay-dtls-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

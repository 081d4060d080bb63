package org.ngrelay.core.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** The media threads (rtpengine's {@code --num-threads}); calls are spread round-robin. */
public final class MediaLoopGroup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaLoopGroup.class.getName());

    private final MediaLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /** {@code threads} loops of the {@linkplain MediaTransport#configured() configured} transport. */
    public MediaLoopGroup(int threads) {
        this(threads, MediaTransport.configured());
    }

    public MediaLoopGroup(int threads, MediaTransport transport) {
        if (threads < 1) {
            throw new IllegalArgumentException("num-threads must be at least 1");
        }
        String why = EpollMediaLoop.unavailableReason();
        LOG.info(threads + " media thread(s) on " + transport.label()
                + (transport == MediaTransport.NIO && why != null ? " (epoll: " + why + ")" : ""));
        loops = new MediaLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = transport.newLoop("media-" + i);
        }
    }

    /**
     * A group over loops made elsewhere (a benchmark's or a test's own {@link MediaLoop}, e.g. one
     * that runs tasks inline and sends nowhere); the group owns them and shuts them down on close.
     */
    public MediaLoopGroup(MediaLoop... loops) {
        if (loops.length < 1) {
            throw new IllegalArgumentException("a media loop group needs at least one loop");
        }
        this.loops = loops.clone();
    }

    public MediaLoop next() {
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    public int size() {
        return loops.length;
    }

    public MediaLoop get(int i) {
        return loops[i];
    }

    @Override
    public void close() {
        for (MediaLoop loop : loops) {
            loop.shutdown();
        }
    }
}

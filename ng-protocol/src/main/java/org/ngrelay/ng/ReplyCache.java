package org.ngrelay.ng;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a retransmitted request (same cookie) with the reply already sent, without executing
 * it again; keyed on the cookie alone, as rtpengine does. Entries live {@link #ttlNs}, and the
 * cache never holds more than {@link #maxEntries} entries or {@link #maxBytes} of replies: the
 * oldest go first.
 */
public final class ReplyCache {

    /** A cookie being worked on (reply null) or answered. */
    public static final class Entry {
        final long createdNs;
        volatile byte[] reply;

        Entry(long createdNs) {
            this.createdNs = createdNs;
        }

        /** @return the reply, or null while the first copy of the request is still running */
        public byte[] reply() {
            return reply;
        }
    }

    private record Aged(String cookie, Entry entry) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Aged> byAge = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final long ttlNs;
    private final int maxEntries;
    private final long maxBytes;

    public ReplyCache(long ttl, TimeUnit unit, int maxEntries, long maxBytes) {
        this.ttlNs = unit.toNanos(ttl);
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * Claims {@code cookie}.
     *
     * @return null when the cookie is new (the caller runs the request and calls {@link #complete}),
     *     else the existing entry
     */
    public Entry claim(String cookie) {
        long now = System.nanoTime();
        expire(now);
        Entry fresh = new Entry(now);
        Entry existing = entries.putIfAbsent(cookie, fresh);
        if (existing != null) {
            return existing;
        }
        byAge.add(new Aged(cookie, fresh));
        size.incrementAndGet();
        return null;
    }

    public void complete(String cookie, byte[] reply) {
        Entry e = entries.get(cookie);
        if (e != null && e.reply == null) {
            e.reply = reply;
            bytes.addAndGet(reply.length);
        }
    }

    public int size() {
        return size.get();
    }

    public long bytes() {
        return bytes.get();
    }

    private void expire(long now) {
        Aged oldest;
        while ((oldest = byAge.peek()) != null
                && (now - oldest.entry().createdNs > ttlNs || size.get() >= maxEntries || bytes.get() > maxBytes)) {
            if (byAge.remove(oldest)) {
                entries.remove(oldest.cookie(), oldest.entry());
                size.decrementAndGet();
                byte[] reply = oldest.entry().reply;
                if (reply != null) {
                    bytes.addAndGet(-reply.length);
                }
            }
        }
    }
}

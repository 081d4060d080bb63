package org.ngrelay.ng.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * rtpengine's control statistics: per ng client address (its "proxy", the IP without the port),
 * how many requests of each kind were answered, the time they took, and how many got
 * {@code result: error}. Written by whichever thread finishes a request; read by
 * {@code statistics}, {@code /metrics} and the CLI.
 */
public final class ControlStats {

    /** One client's figures. */
    public static final class Proxy {
        private final String address;
        private final LongAdder[] counts = new LongAdder[RequestKind.values().length];
        private final LongAdder[] nanos = new LongAdder[RequestKind.values().length];
        private final LongAdder errors = new LongAdder();

        Proxy(String address) {
            this.address = address;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
                nanos[i] = new LongAdder();
            }
        }

        public String address() {
            return address;
        }

        public long count(RequestKind kind) {
            return counts[kind.ordinal()].sum();
        }

        public double seconds(RequestKind kind) {
            return nanos[kind.ordinal()].sum() / 1e9;
        }

        public long errors() {
            return errors.sum();
        }
    }

    private final ConcurrentHashMap<String, Proxy> proxies = new ConcurrentHashMap<>();
    private volatile Consumer<Proxy> newProxyListener = p -> { };

    /**
     * @param proxy   the client's IP address
     * @param command the ng command, or null when the request had none
     * @param error   the reply was {@code result: error}
     */
    public void record(String proxy, String command, long elapsedNs, boolean error) {
        Proxy p = proxies.get(proxy);
        if (p == null) {
            Proxy fresh = new Proxy(proxy);
            p = proxies.putIfAbsent(proxy, fresh);
            if (p == null) {
                p = fresh;
                newProxyListener.accept(fresh);
            }
        }
        RequestKind kind = RequestKind.of(command);
        if (kind != null) {
            p.counts[kind.ordinal()].increment();
            p.nanos[kind.ordinal()].add(elapsedNs);
        }
        if (error) {
            p.errors.increment();
        }
    }

    /** Every client seen so far, in no particular order. */
    public List<Proxy> proxies() {
        return new ArrayList<>(proxies.values());
    }

    /**
     * Told about each new client (the metrics register its series then); a client seen while the
     * listener is being set may be told twice, so the listener must not mind.
     */
    public void onNewProxy(Consumer<Proxy> listener) {
        newProxyListener = listener;
        proxies.values().forEach(listener);
    }

    public long total(RequestKind kind) {
        long n = 0;
        for (Proxy p : proxies.values()) {
            n += p.count(kind);
        }
        return n;
    }
}

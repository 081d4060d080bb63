package org.ngrelay.bench.load;

import com.dampcake.bencode.Bencode;
import com.dampcake.bencode.Type;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An asynchronous ng client over one UDP socket: many requests in flight, replies matched by
 * cookie, a request retransmitted with the same cookie after 1 s and failed after 5 s (rtpengine
 * answers a retransmission from its cache). Written against the wire format only, so it measures
 * ngrelay and rtpengine alike.
 */
final class BenchNgClient implements AutoCloseable {

    private static final long RETRANSMIT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(5);

    private final Bencode bencode = new Bencode(StandardCharsets.ISO_8859_1);
    private final DatagramChannel channel;
    private final InetSocketAddress daemon;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong cookies = new AtomicLong();
    private final String cookiePrefix = Long.toHexString(System.nanoTime() & 0xffffffL);
    private final Thread receiver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ng-retransmit");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong retransmissions = new AtomicLong();
    private volatile boolean open = true;

    private record Pending(byte[] datagram, CompletableFuture<Map<String, Object>> reply, long firstNs, long[] lastNs) {
    }

    BenchNgClient(InetSocketAddress daemon) throws IOException {
        this.daemon = daemon;
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(daemon.getAddress(), 0));
        channel.connect(daemon);
        receiver = new Thread(this::receive, "ng-receiver");
        receiver.setDaemon(true);
        receiver.start();
        timer.scheduleWithFixedDelay(this::retransmit, 200, 200, TimeUnit.MILLISECONDS);
    }

    InetSocketAddress daemon() {
        return daemon;
    }

    long retransmissions() {
        return retransmissions.get();
    }

    /** Sends {@code request}; completes with the reply dictionary, or exceptionally on timeout. */
    CompletableFuture<Map<String, Object>> send(Map<String, Object> request) {
        String cookie = cookiePrefix + "_" + cookies.incrementAndGet();
        byte[] body = bencode.encode(request);
        byte[] datagram = Arrays.copyOf((cookie + " ").getBytes(StandardCharsets.ISO_8859_1), cookie.length() + 1 + body.length);
        System.arraycopy(body, 0, datagram, cookie.length() + 1, body.length);
        long now = System.nanoTime();
        Pending p = new Pending(datagram, new CompletableFuture<>(), now, new long[] {now});
        pending.put(cookie, p);
        try {
            channel.write(ByteBuffer.wrap(datagram));
        } catch (IOException e) {
            // e.g. ICMP port unreachable from an earlier datagram: retransmitted, then timed out
        }
        return p.reply;
    }

    /** Sends and waits; a reply with {@code result: error} is returned as it is, not thrown. */
    Map<String, Object> call(Map<String, Object> request) {
        return send(request).join();
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (open) {
            buffer.clear();
            try {
                channel.read(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // ICMP port unreachable (daemon not up yet): the retransmission timer deals with it.
                continue;
            }
            buffer.flip();
            int space = -1;
            for (int i = 0; i < buffer.limit(); i++) {
                if (buffer.get(i) == ' ') {
                    space = i;
                    break;
                }
            }
            if (space <= 0) {
                continue;
            }
            byte[] bytes = new byte[buffer.limit()];
            buffer.get(bytes);
            String cookie = new String(bytes, 0, space, StandardCharsets.ISO_8859_1);
            Pending p = pending.remove(cookie);
            if (p == null) {
                continue; // a late duplicate of an answered retransmission
            }
            try {
                p.reply.complete(bencode.decode(Arrays.copyOfRange(bytes, space + 1, bytes.length), Type.DICTIONARY));
            } catch (RuntimeException e) {
                p.reply.completeExceptionally(new IOException("undecodable reply: " + e.getMessage(), e));
            }
        }
    }

    private void retransmit() {
        long now = System.nanoTime();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (now - p.firstNs > GIVE_UP_NS) {
                if (pending.remove(e.getKey(), p)) {
                    p.reply.completeExceptionally(new SocketTimeoutException("no reply from " + daemon + " within 5 s"));
                }
            } else if (now - p.lastNs[0] > RETRANSMIT_NS) {
                p.lastNs[0] = now;
                retransmissions.incrementAndGet();
                try {
                    channel.write(ByteBuffer.wrap(p.datagram));
                } catch (IOException ignored) {
                    // tried again on the next round
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        timer.shutdownNow();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}

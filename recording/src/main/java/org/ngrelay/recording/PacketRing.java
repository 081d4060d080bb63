package org.ngrelay.recording;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer (the call's media loop) single-consumer (the writer) queue of packets
 * with their addresses and receive time, in preallocated slots: nothing is allocated per packet
 * unless a packet is larger than a slot. When full, the packet is dropped and counted.
 */
final class PacketRing {

    static final int SLOT_BYTES = 512;

    private final int capacity;
    private final int mask;
    private final byte[] data;
    private final byte[][] oversize;
    private final int[] lengths;
    private final long[] timesUs;
    /** per slot: 16-byte source address, 16-byte destination address (IPv4 in the first 4) */
    private final byte[] addresses;
    private final int[] ports;
    private final boolean[] ipv6;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    // producer-side caches: the JDK hands the same InetSocketAddress while a sender stays the same
    private InetSocketAddress lastSource;
    private byte[] lastSourceBytes;
    private InetSocketAddress lastDestination;
    private byte[] lastDestinationBytes;

    PacketRing(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        capacity = capacityPowerOfTwo;
        mask = capacity - 1;
        data = new byte[capacity * SLOT_BYTES];
        oversize = new byte[capacity][];
        lengths = new int[capacity];
        timesUs = new long[capacity];
        addresses = new byte[capacity * 32];
        ports = new int[capacity * 2];
        ipv6 = new boolean[capacity];
    }

    /** Producer: copies the packet in, or counts a drop. */
    boolean offer(ByteBuffer packet, InetSocketAddress source, InetSocketAddress destination, long epochUs) {
        long t = tail.get();
        if (t - head.get() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        int i = (int) (t & mask);
        int len = packet.remaining();
        if (len <= SLOT_BYTES) {
            packet.get(packet.position(), data, i * SLOT_BYTES, len);
            oversize[i] = null;
        } else {
            byte[] big = new byte[len];
            packet.get(packet.position(), big, 0, len);
            oversize[i] = big;
        }
        lengths[i] = len;
        timesUs[i] = epochUs;
        if (source != lastSource) {
            lastSource = source;
            lastSourceBytes = source.getAddress().getAddress();
        }
        if (destination != lastDestination) {
            lastDestination = destination;
            lastDestinationBytes = destination.getAddress().getAddress();
        }
        System.arraycopy(lastSourceBytes, 0, addresses, i * 32, lastSourceBytes.length);
        System.arraycopy(lastDestinationBytes, 0, addresses, i * 32 + 16, lastDestinationBytes.length);
        ports[2 * i] = source.getPort();
        ports[2 * i + 1] = destination.getPort();
        ipv6[i] = source.getAddress() instanceof Inet6Address;
        tail.lazySet(t + 1);
        return true;
    }

    /** Packets offered so far (written or waiting), not counting drops. */
    long produced() {
        return tail.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** Consumer: hands every waiting packet to {@code sink}, then frees the slots; returns how many. */
    int drain(PacketSink sink) throws java.io.IOException {
        long start = head.get();
        long h = start;
        long t = tail.get();
        try {
            for (long n = h; n < t; n++) {
                int i = (int) (n & mask);
                byte[] buf = oversize[i] != null ? oversize[i] : data;
                int off = oversize[i] != null ? 0 : i * SLOT_BYTES;
                sink.accept(buf, off, lengths[i], timesUs[i], addresses, i * 32, i * 32 + 16, ports[2 * i], ports[2 * i + 1], ipv6[i]);
                h = n + 1;
            }
        } finally {
            head.lazySet(h);
        }
        return (int) (h - start);
    }

    /** Consumer: frees every waiting packet without writing it; returns how many (counted as dropped). */
    long discard() {
        long t = tail.get();
        long n = t - head.get();
        head.lazySet(t);
        dropped.addAndGet(n);
        return n;
    }

    /** Where drained packets go. */
    interface PacketSink {
        void accept(byte[] buf, int off, int len, long epochUs, byte[] addresses, int srcOff, int dstOff,
                    int srcPort, int dstPort, boolean ipv6) throws java.io.IOException;
    }
}

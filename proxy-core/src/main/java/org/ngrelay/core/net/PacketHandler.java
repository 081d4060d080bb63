package org.ngrelay.core.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Receives the datagrams of one {@link MediaSocket}; always called on the socket's loop. */
@FunctionalInterface
public interface PacketHandler {
    /**
     * @param packet the datagram, position 0 to limit; valid only during the call (the loop reuses it)
     * @param source where it came from (the JDK caches this object while the sender stays the same)
     * @param nowNs  {@link System#nanoTime()} read once for this wake-up of the loop
     */
    void onPacket(ByteBuffer packet, InetSocketAddress source, long nowNs);

    /**
     * Reads the state {@link #onPacket} will need, without changing anything. A loop that has a
     * batch of packets calls this for every one of them first: the cache misses of many
     * handlers then overlap instead of coming one after another (the CPU runs ahead through
     * independent loads, but not through a call that uses what it loads).
     *
     * @return anything derived from what was read, so the reads are not optimised away
     */
    default int prefetch() {
        return 0;
    }
}

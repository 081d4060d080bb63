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
}

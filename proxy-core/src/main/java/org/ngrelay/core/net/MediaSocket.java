package org.ngrelay.core.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** One bound local UDP socket of a call. Used only on the loop that opened it. */
public interface MediaSocket extends AutoCloseable {

    InetSocketAddress localAddress();

    /**
     * Sends {@code packet} (position to limit) to {@code target}. The buffer's position is
     * restored afterwards so the same packet can be sent again (e.g. to a recording sink).
     *
     * @return false if the kernel refused or had no room (the caller counts it)
     */
    boolean send(ByteBuffer packet, InetSocketAddress target);

    /** Replaces the receiver; lets a call re-wire a socket without closing it. */
    void handler(PacketHandler handler);

    @Override
    void close();
}

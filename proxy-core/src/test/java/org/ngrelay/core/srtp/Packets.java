package org.ngrelay.core.srtp;

import java.nio.ByteBuffer;

/** Packets in direct buffers with room behind them, as the media loop hands them to SRTP. */
final class Packets {

    private Packets() {
    }

    static ByteBuffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(4096);
        b.put(bytes).flip();
        return b;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}

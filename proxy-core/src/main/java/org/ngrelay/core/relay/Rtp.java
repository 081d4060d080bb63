package org.ngrelay.core.relay;

import java.nio.ByteBuffer;

/** RFC 3550 RTP header fields, read in place. */
public final class Rtp {

    private Rtp() {
    }

    public static int payloadType(ByteBuffer b, int off) {
        return b.get(off + 1) & 0x7f;
    }

    public static int sequence(ByteBuffer b, int off) {
        return b.getShort(off + 2) & 0xffff;
    }

    public static long timestamp(ByteBuffer b, int off) {
        return b.getInt(off + 4) & 0xffffffffL;
    }

    public static long ssrc(ByteBuffer b, int off) {
        return b.getInt(off + 8) & 0xffffffffL;
    }
}

package org.ngrelay.core.relay;

import java.nio.ByteBuffer;

/** RFC 7983 demultiplexing by the first byte, plus RFC 5761 RTP/RTCP separation. */
public final class PacketKind {

    public static final int STUN = 0;
    public static final int DTLS = 1;
    public static final int RTP = 2;
    public static final int RTCP = 3;
    public static final int UNKNOWN = 4;

    private PacketKind() {
    }

    public static int classify(ByteBuffer packet) {
        int p = packet.position();
        if (packet.limit() - p < 2) {
            return UNKNOWN;
        }
        int first = packet.get(p) & 0xff;
        if (first >= 128 && first <= 191) {
            // RFC 5761 §4: RTCP packet types 192-223 sit where RTP has marker + PT 64-95.
            int pt = packet.get(p + 1) & 0x7f;
            if (pt >= 64 && pt <= 95) {
                // even truncated: the RTCP stage counts it malformed and it is still relayed
                return RTCP;
            }
            return packet.limit() - p >= 12 ? RTP : UNKNOWN;
        }
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        return UNKNOWN;
    }
}

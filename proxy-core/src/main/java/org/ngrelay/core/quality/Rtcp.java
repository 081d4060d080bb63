package org.ngrelay.core.quality;

import java.nio.ByteBuffer;

/**
 * Walks a compound RTCP packet in place (absolute reads, no position change, no allocation) and
 * reports what quality needs to a {@link RtcpListener}. Validation follows what rtpengine 10.5
 * rejects: a header shorter than 8 bytes (with the SSRC), a version other than 2, a length
 * field beyond the datagram, an SR/RR too short for its report count, an APP or XR shorter than
 * its fixed part. A walk stops at the first fault; what came before it has been reported.
 */
public final class Rtcp {

    public static final int OK = 0;
    public static final int SHORT_HEADER = 1;
    public static final int BAD_VERSION = 2;
    public static final int BAD_LENGTH = 3;
    public static final int SHORT_BODY = 4;

    private static final String[] REASONS = {
        "ok", "short packet (header)", "invalid header version", "length field beyond the packet", "packet too short for its type",
    };

    static final int SR = 200;
    static final int RR = 201;
    static final int APP = 204;
    static final int XR = 207;

    private static final int REPORT_BLOCK = 24;
    private static final int XR_RRT = 4;
    private static final int XR_DLRR = 5;
    private static final int XR_VOIP_METRICS = 7;

    private Rtcp() {
    }

    public static String reason(int fault) {
        return REASONS[fault];
    }

    /** @return {@link #OK} or the first fault found */
    public static int walk(ByteBuffer b, int offset, int length, RtcpListener listener) {
        int end = offset + length;
        int p = offset;
        if (length < 8) {
            return SHORT_HEADER;
        }
        while (p < end) {
            // every RTCP packet type carries its sender's SSRC after the 4-byte header
            if (end - p < 8) {
                return SHORT_HEADER;
            }
            int first = b.get(p) & 0xff;
            if (first >> 6 != 2) {
                return BAD_VERSION;
            }
            int count = first & 0x1f;
            int type = b.get(p + 1) & 0xff;
            int size = ((b.getShort(p + 2) & 0xffff) + 1) * 4;
            if (size > end - p) {
                return BAD_LENGTH;
            }
            int fault = packet(b, p, size, type, count, listener);
            if (fault != OK) {
                return fault;
            }
            p += size;
        }
        return OK;
    }

    private static int packet(ByteBuffer b, int p, int size, int type, int count, RtcpListener listener) {
        switch (type) {
            case SR -> {
                if (size < 28 + count * REPORT_BLOCK) {
                    return SHORT_BODY;
                }
                long ssrc = u32(b, p + 4);
                listener.senderReport(ssrc, middle(b, p + 8));
                blocks(b, p + 28, count, ssrc, listener);
            }
            case RR -> {
                if (size < 8 + count * REPORT_BLOCK) {
                    return SHORT_BODY;
                }
                blocks(b, p + 8, count, u32(b, p + 4), listener);
            }
            case APP -> {
                if (size < 12) {
                    return SHORT_BODY;
                }
            }
            case XR -> {
                if (size < 8) {
                    return SHORT_BODY;
                }
                return extendedReport(b, p + 8, p + size, u32(b, p + 4), listener);
            }
            default -> {
                // SDES, BYE, feedback: nothing quality needs; the length check above is all
            }
        }
        return OK;
    }

    private static void blocks(ByteBuffer b, int p, int count, long from, RtcpListener listener) {
        for (int i = 0; i < count; i++, p += REPORT_BLOCK) {
            long lost = (b.getInt(p + 4) & 0xffffff);
            listener.reportBlock(from, u32(b, p), b.get(p + 4) & 0xff, lost, u32(b, p + 12), u32(b, p + 16), u32(b, p + 20));
        }
    }

    private static int extendedReport(ByteBuffer b, int p, int end, long from, RtcpListener listener) {
        while (p < end) {
            if (end - p < 4) {
                return SHORT_BODY;
            }
            int blockType = b.get(p) & 0xff;
            int bodySize = (b.getShort(p + 2) & 0xffff) * 4;
            int body = p + 4;
            if (bodySize > end - body) {
                return BAD_LENGTH;
            }
            switch (blockType) {
                case XR_RRT -> {
                    if (bodySize >= 8) {
                        listener.referenceTime(from, middle(b, body));
                    }
                }
                case XR_DLRR -> {
                    for (int s = body; s + 12 <= body + bodySize; s += 12) {
                        listener.dlrr(from, u32(b, s), u32(b, s + 4), u32(b, s + 8));
                    }
                }
                case XR_VOIP_METRICS -> {
                    if (bodySize >= 32) {
                        listener.voipMetrics(from, u32(b, body), b.getShort(body + 12) & 0xffff);
                    }
                }
                default -> {
                    // other XR blocks (loss/duplicate RLE, statistics summary): not used for quality
                }
            }
            p = body + bodySize;
        }
        return OK;
    }

    /** The middle 32 bits of a 64-bit NTP timestamp at {@code p}: what LSR and LRR echo. */
    private static long middle(ByteBuffer b, int p) {
        return ((u32(b, p) << 16) | (u32(b, p + 4) >>> 16)) & 0xffffffffL;
    }

    private static long u32(ByteBuffer b, int p) {
        return b.getInt(p) & 0xffffffffL;
    }
}

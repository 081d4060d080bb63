package org.ngrelay.core.testing;

import java.nio.ByteBuffer;

/** Well-formed RTP and RTCP packets for tests. */
public final class RtpPackets {

    private RtpPackets() {
    }

    /** A PCMU packet: 12-byte header and {@code payloadBytes} of 0xff (silence). */
    public static byte[] rtp(int payloadType, int sequence, long timestamp, long ssrc, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(12 + payloadBytes);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc);
        while (b.hasRemaining()) {
            b.put((byte) 0xff);
        }
        return b.array();
    }

    /** An RTCP receiver report without report blocks (8 bytes, packet type 201). */
    public static byte[] rtcpReceiverReport(long ssrc) {
        return ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt((int) ssrc).array();
    }
}

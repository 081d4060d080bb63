package org.ngrelay.core.path;

import java.nio.ByteBuffer;
import org.ngrelay.core.relay.PacketKind;

/**
 * The count stage: what a party sent (packets, bytes, when last, errors of any stage) and the
 * header fields quality needs: the SSRC and payload type of its last RTP packet, the sender SSRC
 * of its last RTCP packet. Absolute reads in the header {@link PacketKind#classify} checked.
 */
public final class StreamCounter {

    long packets;
    long bytes;
    long errors;
    long lastPacketNs;
    long rtpSsrc = -1;
    int payloadType = -1;
    long rtcpSsrc = -1;
    long dropped;

    /** Counts an admitted packet of {@code kind}. */
    public void count(ByteBuffer packet, int kind, long nowNs) {
        packets++;
        bytes += packet.remaining();
        lastPacketNs = nowNs;
        int at = packet.position();
        if (kind == PacketKind.RTP) {
            rtpSsrc = packet.getInt(at + 8) & 0xffffffffL;
            payloadType = packet.get(at + 1) & 0x7f;
        } else if (kind == PacketKind.RTCP && packet.remaining() >= 8) {
            rtcpSsrc = packet.getInt(at + 4) & 0xffffffffL;
        }
    }

    /** A packet no stage of this stream would take (not media, or refused): counted, not relayed. */
    public void drop() {
        dropped++;
        errors++;
    }

    /** A packet relayed with a fault (malformed RTCP, a failed send): an error, not a drop. */
    public void error() {
        errors++;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** Errors of every stage: what rtpengine's {@code errors} counts. */
    public long errors() {
        return errors;
    }

    /** Packets dropped (not media for this stream, or refused by the source check). */
    public long dropped() {
        return dropped;
    }

    /** 0 before any packet. */
    public long lastPacketNs() {
        return lastPacketNs;
    }

    /** The last RTP packet's SSRC (unsigned), -1 before any. */
    public long rtpSsrc() {
        return rtpSsrc;
    }

    /** The last RTP packet's payload type, -1 before any. */
    public int payloadType() {
        return payloadType;
    }

    /** The last RTCP packet's sender SSRC, -1 before any. */
    public long rtcpSsrc() {
        return rtcpSsrc;
    }
}

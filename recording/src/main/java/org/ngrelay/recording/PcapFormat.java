package org.ngrelay.recording;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Classic libpcap as rtpengine 10.5 writes it: little-endian, microsecond timestamps, snaplen
 * 65535; link type 101 (raw IP) or 1 (Ethernet with zero MACs). Each packet gets a synthesised
 * IPv4 (id 0, TTL 64, checksums 0) or IPv6 (hop limit 64) and UDP header with the real endpoints.
 */
final class PcapFormat {

    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_ETHERNET = 1;

    private final boolean ethernet;
    /** one packet's record header and synthesised headers, reused */
    private final byte[] header = new byte[16 + 14 + 40 + 8];

    PcapFormat(boolean ethernet) {
        this.ethernet = ethernet;
    }

    void writeFileHeader(OutputStream out) throws IOException {
        byte[] h = new byte[24];
        putInt(h, 0, 0xa1b2c3d4);
        putShort(h, 4, 2);
        putShort(h, 6, 4);
        putInt(h, 16, 65535);
        putInt(h, 20, ethernet ? LINKTYPE_ETHERNET : LINKTYPE_RAW);
        out.write(h);
    }

    void writePacket(OutputStream out, byte[] buf, int off, int len, long epochUs, byte[] addresses, int srcOff,
                     int dstOff, int srcPort, int dstPort, boolean ipv6) throws IOException {
        int ipLen = ipv6 ? 40 : 20;
        int linkLen = ethernet ? 14 : 0;
        int frame = linkLen + ipLen + 8 + len;
        byte[] h = header;
        putInt(h, 0, (int) (epochUs / 1_000_000));
        putInt(h, 4, (int) (epochUs % 1_000_000));
        putInt(h, 8, frame);
        putInt(h, 12, frame);
        int p = 16;
        if (ethernet) {
            for (int i = 0; i < 12; i++) {
                h[p + i] = 0;
            }
            h[p + 12] = (byte) (ipv6 ? 0x86 : 0x08);
            h[p + 13] = (byte) (ipv6 ? 0xdd : 0x00);
            p += 14;
        }
        int udpLen = 8 + len;
        if (ipv6) {
            h[p] = 0x60;
            h[p + 1] = 0;
            h[p + 2] = 0;
            h[p + 3] = 0;
            putShortBe(h, p + 4, udpLen);
            h[p + 6] = 17;
            h[p + 7] = 64;
            System.arraycopy(addresses, srcOff, h, p + 8, 16);
            System.arraycopy(addresses, dstOff, h, p + 24, 16);
        } else {
            h[p] = 0x45;
            h[p + 1] = 0;
            putShortBe(h, p + 2, 20 + udpLen);
            putShortBe(h, p + 4, 0);
            putShortBe(h, p + 6, 0);
            h[p + 8] = 64;
            h[p + 9] = 17;
            putShortBe(h, p + 10, 0);
            System.arraycopy(addresses, srcOff, h, p + 12, 4);
            System.arraycopy(addresses, dstOff, h, p + 16, 4);
        }
        p += ipLen;
        putShortBe(h, p, srcPort);
        putShortBe(h, p + 2, dstPort);
        putShortBe(h, p + 4, udpLen);
        putShortBe(h, p + 6, 0);
        out.write(h, 0, p + 8);
        out.write(buf, off, len);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    private static void putShortBe(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}

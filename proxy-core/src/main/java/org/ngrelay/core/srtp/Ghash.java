package org.ngrelay.core.srtp;

/**
 * GHASH (NIST SP 800-38D §6.4) with Shoup's 4-bit tables, precomputed once per key: 16 multiples
 * of H as two longs each, one table step per nibble. JCE's AES/GCM cannot be used per packet
 * without allocating (a new {@code GCMParameterSpec} and {@code Cipher.init} each time, and it
 * refuses to encrypt twice under one IV), so GCM here is counter mode over the ECB batch plus this.
 * Streaming: {@link #update} buffers a partial block, {@link #pad} closes the AAD or the ciphertext
 * section with zeros (the AAD and ciphertext of SRTCP are not contiguous). Not thread-safe.
 */
final class Ghash {

    /** The reduction of the four bits shifted out at each step (x^128 + x^7 + x^2 + x + 1). */
    private static final long[] LAST4 = {
        0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0,
        0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0};

    private final long[] hh = new long[16];
    private final long[] hl = new long[16];
    private final byte[] partial = new byte[16];
    private int partialBytes;
    private long zh;
    private long zl;

    /** {@code h}: the hash subkey, AES_K(0^128). */
    Ghash(byte[] h) {
        long vh = be64(h, 0);
        long vl = be64(h, 8);
        hh[8] = vh;
        hl[8] = vl;
        for (int i = 4; i > 0; i >>= 1) {
            long t = (vl & 1) * 0xe1000000L;
            vl = (vh << 63) | (vl >>> 1);
            vh = (vh >>> 1) ^ (t << 32);
            hh[i] = vh;
            hl[i] = vl;
        }
        for (int i = 2; i <= 8; i <<= 1) {
            for (int j = 1; j < i; j++) {
                hh[i + j] = hh[i] ^ hh[j];
                hl[i + j] = hl[i] ^ hl[j];
            }
        }
    }

    void reset() {
        zh = 0;
        zl = 0;
        partialBytes = 0;
    }

    void update(byte[] data, int offset, int length) {
        int i = 0;
        if (partialBytes > 0) {
            while (partialBytes < 16 && i < length) {
                partial[partialBytes++] = data[offset + i++];
            }
            if (partialBytes < 16) {
                return;
            }
            block(partial, 0);
            partialBytes = 0;
        }
        for (; i + 16 <= length; i += 16) {
            block(data, offset + i);
        }
        while (i < length) {
            partial[partialBytes++] = data[offset + i++];
        }
    }

    /** Ends a section: a partial block is completed with zeros. */
    void pad() {
        if (partialBytes > 0) {
            for (int i = partialBytes; i < 16; i++) {
                partial[i] = 0;
            }
            block(partial, 0);
            partialBytes = 0;
        }
    }

    /** Hashes the length block (bits of AAD, bits of ciphertext) and writes the 16-byte result. */
    void finish(long aadBytes, long textBytes, byte[] out, int offset) {
        pad();
        zh ^= aadBytes << 3;
        zl ^= textBytes << 3;
        multiply();
        putBe64(out, offset, zh);
        putBe64(out, offset + 8, zl);
    }

    private void block(byte[] b, int at) {
        zh ^= be64(b, at);
        zl ^= be64(b, at + 8);
        multiply();
    }

    /** Z = Z · H, nibble by nibble from the last byte (the bit-reflected order of GCM). */
    private void multiply() {
        long xh = zh;
        long xl = zl;
        int lo = (int) (xl & 0xf);
        long rh = hh[lo];
        long rl = hl[lo];
        for (int i = 15; i >= 0; i--) {
            int b = (int) ((i < 8 ? xh >>> (56 - 8 * i) : xl >>> (56 - 8 * (i - 8))) & 0xff);
            lo = b & 0xf;
            int hi = b >>> 4;
            if (i != 15) {
                int rem = (int) (rl & 0xf);
                rl = (rh << 60) | (rl >>> 4);
                rh = (rh >>> 4) ^ (LAST4[rem] << 48);
                rh ^= hh[lo];
                rl ^= hl[lo];
            }
            int rem = (int) (rl & 0xf);
            rl = (rh << 60) | (rl >>> 4);
            rh = (rh >>> 4) ^ (LAST4[rem] << 48);
            rh ^= hh[hi];
            rl ^= hl[hi];
        }
        zh = rh;
        zl = rl;
    }

    private static long be64(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    private static void putBe64(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }
}

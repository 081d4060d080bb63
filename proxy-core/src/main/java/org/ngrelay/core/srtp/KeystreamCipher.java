package org.ngrelay.core.srtp;

/**
 * The confidentiality half of the HMAC-SHA1 suites: AES counter mode (RFC 3711 §4.1.1) or f8
 * (§4.1.2), each with its own IV rule. XORing a keystream, so the same call encrypts and decrypts.
 */
interface KeystreamCipher {

    /** XORs the RTP payload {@code [header, length)}. */
    void rtp(byte[] p, int header, int length, long ssrc, long roc, long index);

    /** XORs the SRTCP encrypted portion {@code [8, length)}; {@code word} is E||SRTCP index. */
    void rtcp(byte[] p, int length, long ssrc, int word);

    static KeystreamCipher of(SrtpSuite suite, SrtpKeys keys) {
        return switch (suite.family) {
            case AES_CM -> new Counter(keys);
            case AES_F8 -> new F8(keys);
            default -> throw new IllegalArgumentException(suite + " has no keystream cipher");
        };
    }

    /** AES-CM: IV = salt << 16 XOR SSRC << 64 XOR index << 16 (RFC 3711 §4.1.1). */
    final class Counter implements KeystreamCipher {
        private final AesCounter aes;
        private final byte[] salt;
        private final byte[] iv = new byte[16];

        Counter(SrtpKeys keys) {
            aes = new AesCounter(keys.encryption);
            salt = keys.salt;
        }

        @Override
        public void rtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
            apply(ssrc, index, p, header, length - header);
        }

        @Override
        public void rtcp(byte[] p, int length, long ssrc, int word) {
            apply(ssrc, word & 0x7fffffffL, p, 8, length - 8);
        }

        private void apply(long ssrc, long index, byte[] p, int offset, int n) {
            System.arraycopy(salt, 0, iv, 0, 14);
            iv[14] = 0;
            iv[15] = 0;
            iv[4] ^= (byte) (ssrc >>> 24);
            iv[5] ^= (byte) (ssrc >>> 16);
            iv[6] ^= (byte) (ssrc >>> 8);
            iv[7] ^= (byte) ssrc;
            for (int i = 0; i < 6; i++) {
                iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
            }
            aes.apply(iv, p, offset, n);
        }
    }

    /**
     * f8: SRTP IV = 0x00 || M || PT || SEQ || TS || SSRC || ROC (§4.1.2.2), SRTCP IV = 0^32 ||
     * E || SRTCP index || V P RC PT length || SSRC (§4.1.2.3).
     */
    final class F8 implements KeystreamCipher {
        private final AesF8 aes;
        private final byte[] iv = new byte[16];

        F8(SrtpKeys keys) {
            aes = new AesF8(keys.encryption, keys.salt);
        }

        @Override
        public void rtp(byte[] p, int header, int length, long ssrc, long roc, long index) {
            System.arraycopy(p, 0, iv, 0, 12);
            iv[0] = 0;
            SrtpTransform.putInt(iv, 12, (int) roc);
            aes.apply(iv, p, header, length - header);
        }

        @Override
        public void rtcp(byte[] p, int length, long ssrc, int word) {
            SrtpTransform.putInt(iv, 0, 0);
            SrtpTransform.putInt(iv, 4, word);
            System.arraycopy(p, 0, iv, 8, 8);
            aes.apply(iv, p, 8, length - 8);
        }
    }
}

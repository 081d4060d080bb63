package org.ngrelay.core.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 96-bit IV and a 16-byte tag (NIST SP 800-38D), in place and without allocating:
 * the counter blocks J0 = IV || 1, then IV || 2, ... of a whole packet go through one AES/ECB
 * update (J0's block masks the tag, the others are the keystream), and {@link Ghash} authenticates.
 * The AAD may come in two pieces (SRTCP: header, then the E||index word).
 */
final class AesGcm {

    static final int TAG = 16;

    private final Cipher ecb;
    private final Ghash ghash;
    private final byte[] expected = new byte[TAG];

    AesGcm(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            ghash = new Ghash(ecb.doFinal(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Encrypts {@code data[text, text + length)} and writes the tag at {@code tagAt}; the AAD is
     * {@code aad[aadAt, aadAt + aadLength)} followed by {@code aad2[aad2At, aad2At + aad2Length)}.
     */
    void seal(byte[] iv, byte[] aad, int aadAt, int aadLength, byte[] aad2, int aad2At, int aad2Length,
            byte[] data, int text, int length, int tagAt) {
        byte[] keystream = keystream(iv, length);
        for (int i = 0; i < length; i++) {
            data[text + i] ^= keystream[16 + i];
        }
        tag(keystream, aad, aadAt, aadLength, aad2, aad2At, aad2Length, data, text, length, data, tagAt);
    }

    /** Checks the tag at {@code tagAt} (constant time) and only then decrypts; false leaves the data as it was. */
    boolean open(byte[] iv, byte[] aad, int aadAt, int aadLength, byte[] aad2, int aad2At, int aad2Length,
            byte[] data, int text, int length, int tagAt) {
        byte[] keystream = keystream(iv, length);
        tag(keystream, aad, aadAt, aadLength, aad2, aad2At, aad2Length, data, text, length, expected, 0);
        int diff = 0;
        for (int i = 0; i < TAG; i++) {
            diff |= expected[i] ^ data[tagAt + i];
        }
        if (diff != 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            data[text + i] ^= keystream[16 + i];
        }
        return true;
    }

    /** E(K, J0) in the first block, then the keystream for {@code length} bytes (inc32 counters), in this thread's scratch. */
    private byte[] keystream(byte[] iv, int length) {
        SrtpScratch scratch = SrtpScratch.get();
        byte[] counters = scratch.counters;
        byte[] keystream = scratch.keystream;
        int blocks = 1 + ((length + 15) >>> 4);
        for (int j = 0; j < blocks; j++) {
            int at = j << 4;
            System.arraycopy(iv, 0, counters, at, 12);
            int c = j + 1;
            counters[at + 12] = (byte) (c >>> 24);
            counters[at + 13] = (byte) (c >>> 16);
            counters[at + 14] = (byte) (c >>> 8);
            counters[at + 15] = (byte) c;
        }
        try {
            ecb.update(counters, 0, blocks << 4, keystream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        return keystream;
    }

    private void tag(byte[] keystream, byte[] aad, int aadAt, int aadLength, byte[] aad2, int aad2At, int aad2Length,
            byte[] data, int text, int length, byte[] out, int outAt) {
        ghash.reset();
        ghash.update(aad, aadAt, aadLength);
        ghash.update(aad2, aad2At, aad2Length);
        ghash.pad();
        ghash.update(data, text, length);
        ghash.finish(aadLength + aad2Length, length, out, outAt);
        for (int i = 0; i < TAG; i++) {
            out[outAt + i] ^= keystream[i];
        }
    }
}

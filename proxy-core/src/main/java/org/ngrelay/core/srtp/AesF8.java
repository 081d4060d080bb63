package org.ngrelay.core.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in f8 mode (RFC 3711 §4.1.2): IV' = E(k_e XOR m, IV) with m = k_s || 0x55..55, then
 * S(j) = E(k_e, IV' XOR j XOR S(j-1)), S(-1) = 0. Each block needs the one before it, so this
 * runs one ECB update per block (into arrays of its own: nothing allocated per packet).
 */
final class AesF8 {

    private final Cipher ecb;
    private final Cipher masked;
    private final byte[] ivPrime = new byte[16];
    private final byte[] input = new byte[16];
    private final byte[] s = new byte[16];

    /** {@code salt}: the session salt k_s (any length up to the key's; the RFC's vector uses 4 bytes). */
    AesF8(byte[] key, byte[] salt) {
        byte[] m = new byte[key.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (key[i] ^ (i < salt.length ? salt[i] : 0x55));
        }
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            masked = Cipher.getInstance("AES/ECB/NoPadding");
            masked.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(m, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available: " + e.getMessage(), e);
        }
    }

    /** XORs {@code length} bytes of {@code data} from {@code offset} with the f8 keystream of {@code iv}. */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        try {
            masked.update(iv, 0, 16, ivPrime, 0);
            java.util.Arrays.fill(s, (byte) 0);
            for (int j = 0, done = 0; done < length; j++, done += 16) {
                for (int i = 0; i < 16; i++) {
                    input[i] = (byte) (ivPrime[i] ^ s[i]);
                }
                // j is a 128-bit counter; a packet has far fewer than 2^32 blocks
                input[12] ^= (byte) (j >>> 24);
                input[13] ^= (byte) (j >>> 16);
                input[14] ^= (byte) (j >>> 8);
                input[15] ^= (byte) j;
                ecb.update(input, 0, 16, s, 0);
                int n = Math.min(16, length - done);
                for (int i = 0; i < n; i++) {
                    data[offset + done + i] ^= s[i];
                }
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}

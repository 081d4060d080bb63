package org.ngrelay.core.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): keystream block j is AES(IV + j), the
 * counter in the IV's last 16 bits. The counter blocks of a whole packet are laid out in one array
 * and encrypted by one ECB call (the JDK's AES intrinsics run over all of them), then XORed in;
 * no cipher is initialised and nothing is allocated per packet.
 */
final class AesCounter {

    private final Cipher ecb;

    AesCounter(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available: " + e.getMessage(), e);
        }
    }

    /** XORs {@code length} bytes of {@code data} from {@code offset} with the keystream from {@code iv}. */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        SrtpScratch scratch = SrtpScratch.get();
        byte[] counters = scratch.counters;
        byte[] keystream = scratch.keystream;
        int blocks = (length + 15) >>> 4;
        int base = ((iv[14] & 0xff) << 8) | (iv[15] & 0xff);
        for (int j = 0; j < blocks; j++) {
            int at = j << 4;
            System.arraycopy(iv, 0, counters, at, 14);
            int c = base + j;
            // RFC 3711: the 16-bit block counter wraps within the IV's last two bytes
            counters[at + 14] = (byte) (c >>> 8);
            counters[at + 15] = (byte) c;
        }
        try {
            ecb.update(counters, 0, blocks << 4, keystream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }
}

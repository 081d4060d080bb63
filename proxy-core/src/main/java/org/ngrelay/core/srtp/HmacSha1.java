package org.ngrelay.core.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a reused {@link MessageDigest}: {@code javax.crypto.Mac.doFinal}
 * allocates its result on every call, this writes the tag into the caller's array.
 */
final class HmacSha1 {

    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[20];

    HmacSha1(byte[] key) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
    }

    void start() {
        sha1.update(innerPad, 0, BLOCK);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** Ends the message; the 20-byte tag goes to {@code out} at {@code offset}. */
    void finish(byte[] out, int offset) {
        try {
            sha1.digest(inner, 0, 20);
            sha1.update(outerPad, 0, BLOCK);
            sha1.update(inner, 0, 20);
            sha1.digest(out, offset, 20);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.ngrelay.core.srtp;

/**
 * The SDES crypto suites (RFC 4568 §6.2, RFC 6188) this package implements, in rtpengine 10.5's
 * order of preference, with their key, salt and tag sizes. The {@code _32} suite's 32-bit tag is SRTP's only; SRTCP keeps the 80-bit one (RFC 4568).
 */
public enum SrtpSuite {
    /** RFC 6188: AES-256 in counter mode, the key derivation with AES-256 too. */
    AES_256_CM_HMAC_SHA1_80(32, 14, 10, 10),
    AES_256_CM_HMAC_SHA1_32(32, 14, 4, 10),
    AES_192_CM_HMAC_SHA1_80(24, 14, 10, 10),
    AES_192_CM_HMAC_SHA1_32(24, 14, 4, 10),
    AES_CM_128_HMAC_SHA1_80(16, 14, 10, 10),
    AES_CM_128_HMAC_SHA1_32(16, 14, 4, 10),
    /** RFC 4568: authentication only; keys derived as for AES_CM_128 (rtpengine 10.5 crashes on these). */
    NULL_HMAC_SHA1_80(16, 14, 10, 10, false),
    NULL_HMAC_SHA1_32(16, 14, 4, 10, false);

    public final int keyBytes;
    public final int saltBytes;
    public final int rtpTagBytes;
    public final int rtcpTagBytes;
    /** HMAC-SHA1 key length (RFC 3711 §4.2.1 default n_a = 160 bits). */
    public final int authKeyBytes = 20;
    /** False for the NULL suites: the payload stays in the clear, only the tag protects it. */
    public final boolean encrypted;

    SrtpSuite(int keyBytes, int saltBytes, int rtpTagBytes, int rtcpTagBytes) {
        this(keyBytes, saltBytes, rtpTagBytes, rtcpTagBytes, true);
    }

    SrtpSuite(int keyBytes, int saltBytes, int rtpTagBytes, int rtcpTagBytes, boolean encrypted) {
        this.keyBytes = keyBytes;
        this.saltBytes = saltBytes;
        this.rtpTagBytes = rtpTagBytes;
        this.rtcpTagBytes = rtcpTagBytes;
        this.encrypted = encrypted;
    }

    /** {@code inline:} key and salt, concatenated, as SDES carries them (base64-decoded). */
    public int masterBytes() {
        return keyBytes + saltBytes;
    }

    /** The suite an SDES line names, or null when this package has no such suite. */
    public static SrtpSuite named(String name) {
        for (SrtpSuite s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}

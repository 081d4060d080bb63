package org.ngrelay.core.srtp;

/**
 * The SDES crypto suites (RFC 4568 §6.2, RFC 6188) this package implements, in rtpengine 10.5's
 * order of preference, with their key, salt and tag sizes. The {@code _32} suite's 32-bit tag is SRTP's only; SRTCP keeps the 80-bit one (RFC 4568).
 */
public enum SrtpSuite {
    /** RFC 7714: AES-GCM, 96-bit salt, a 16-byte tag that is the whole authentication. */
    AEAD_AES_256_GCM(32, 12, 16, 16, Family.AEAD_GCM),
    AEAD_AES_128_GCM(16, 12, 16, 16, Family.AEAD_GCM),
    /** RFC 6188: AES-256 in counter mode, the key derivation with AES-256 too. */
    AES_256_CM_HMAC_SHA1_80(32, 14, 10, 10, Family.AES_CM),
    AES_256_CM_HMAC_SHA1_32(32, 14, 4, 10, Family.AES_CM),
    AES_192_CM_HMAC_SHA1_80(24, 14, 10, 10, Family.AES_CM),
    AES_192_CM_HMAC_SHA1_32(24, 14, 4, 10, Family.AES_CM),
    AES_CM_128_HMAC_SHA1_80(16, 14, 10, 10, Family.AES_CM),
    AES_CM_128_HMAC_SHA1_32(16, 14, 4, 10, Family.AES_CM),
    /** RFC 3711 §4.1.2: AES in f8 mode; keys derived with the AES-CM PRF, as libsrtp and rtpengine do. */
    F8_128_HMAC_SHA1_80(16, 14, 10, 10, Family.AES_F8),
    F8_128_HMAC_SHA1_32(16, 14, 4, 10, Family.AES_F8),
    /** RFC 4568: authentication only; keys derived as for AES_CM_128 (rtpengine 10.5 crashes on these). */
    NULL_HMAC_SHA1_80(16, 14, 10, 10, Family.NULL),
    NULL_HMAC_SHA1_32(16, 14, 4, 10, Family.NULL);

    /** How a suite's packets are transformed: which {@link SrtpTransform} a context builds. */
    public enum Family {
        AES_CM, AES_F8, NULL, AEAD_GCM
    }

    public final int keyBytes;
    public final int saltBytes;
    public final int rtpTagBytes;
    public final int rtcpTagBytes;
    /** HMAC-SHA1 key length (RFC 3711 §4.2.1 default n_a = 160 bits); AEAD suites derive none. */
    public final int authKeyBytes;
    /** False for the NULL suites: the payload stays in the clear, only the tag protects it. */
    public final boolean encrypted;
    public final Family family;

    SrtpSuite(int keyBytes, int saltBytes, int rtpTagBytes, int rtcpTagBytes, Family family) {
        this.keyBytes = keyBytes;
        this.saltBytes = saltBytes;
        this.rtpTagBytes = rtpTagBytes;
        this.rtcpTagBytes = rtcpTagBytes;
        this.family = family;
        this.encrypted = family != Family.NULL;
        this.authKeyBytes = family == Family.AEAD_GCM ? 0 : 20;
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

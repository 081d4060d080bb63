package org.ngrelay.core.srtp;

/**
 * Session keys from a master key and salt (RFC 3711 §4.3, key derivation rate 0): each is the
 * AES-CM keystream of the master key from IV = (master salt XOR label << 48) << 16. Every suite
 * uses this PRF: f8 (as libsrtp and rtpengine) and GCM, whose 96-bit master salt is padded with
 * zeros on the right to the PRF's 112 bits (RFC 7714 §11); GCM derives no authentication key.
 */
public final class SrtpKeys {

    static final int SRTP_ENCRYPTION = 0x00;
    static final int SRTP_AUTH = 0x01;
    static final int SRTP_SALT = 0x02;
    static final int SRTCP_ENCRYPTION = 0x03;
    static final int SRTCP_AUTH = 0x04;
    static final int SRTCP_SALT = 0x05;

    final byte[] encryption;
    final byte[] auth;
    final byte[] salt;

    private SrtpKeys(byte[] encryption, byte[] auth, byte[] salt) {
        this.encryption = encryption;
        this.auth = auth;
        this.salt = salt;
    }

    /** Session keys given directly (the RFC test vectors start from them). */
    static SrtpKeys of(byte[] encryption, byte[] auth, byte[] salt) {
        return new SrtpKeys(encryption.clone(), auth.clone(), salt.clone());
    }

    /** The SRTP (rtcp false) or SRTCP session keys of {@code master} (key then salt, as SDES sends them). */
    public static SrtpKeys derive(SrtpSuite suite, byte[] master, boolean rtcp) {
        if (master.length != suite.masterBytes()) {
            throw new IllegalArgumentException("a " + suite + " master key and salt are " + suite.masterBytes()
                    + " bytes, not " + master.length);
        }
        byte[] key = java.util.Arrays.copyOfRange(master, 0, suite.keyBytes);
        byte[] masterSalt = java.util.Arrays.copyOfRange(master, suite.keyBytes, suite.masterBytes());
        AesCounter prf = new AesCounter(key);
        int base = rtcp ? SRTCP_ENCRYPTION : SRTP_ENCRYPTION;
        return new SrtpKeys(derive(prf, masterSalt, base, suite.keyBytes), derive(prf, masterSalt, base + 1, suite.authKeyBytes),
                derive(prf, masterSalt, base + 2, suite.saltBytes));
    }

    private static byte[] derive(AesCounter prf, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        // key_id = label || r (r = 0 without a key derivation rate), right-aligned on the 112-bit salt
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        prf.apply(iv, out, 0, length);
        return out;
    }

    public byte[] encryptionKey() {
        return encryption.clone();
    }

    public byte[] authKey() {
        return auth.clone();
    }

    public byte[] saltKey() {
        return salt.clone();
    }
}

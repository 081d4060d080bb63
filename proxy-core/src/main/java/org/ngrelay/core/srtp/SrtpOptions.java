package org.ngrelay.core.srtp;

import java.util.Arrays;

/**
 * The SDES session parameters and key parameters that change what a context does to a packet
 * (RFC 4568 §6.3, §6.1): {@code UNENCRYPTED_SRTP}, {@code UNENCRYPTED_SRTCP},
 * {@code UNAUTHENTICATED_SRTP} and the MKI (RFC 3711 §3.1: carried between the encrypted part and
 * the tag, outside the authenticated portion). Immutable; the MKI is copied in and out.
 */
public final class SrtpOptions {

    /** Encrypted and authenticated both ways, no MKI: what a line without parameters means. */
    public static final SrtpOptions DEFAULT = new SrtpOptions(true, true, true, new byte[0]);

    private final boolean encryptRtp;
    private final boolean encryptRtcp;
    private final boolean authenticateRtp;
    private final byte[] mki;

    private SrtpOptions(boolean encryptRtp, boolean encryptRtcp, boolean authenticateRtp, byte[] mki) {
        this.encryptRtp = encryptRtp;
        this.encryptRtcp = encryptRtcp;
        this.authenticateRtp = authenticateRtp;
        this.mki = mki;
    }

    /** {@code mki}: the MKI value, {@code mkiBytes} long (0: no MKI). */
    public static SrtpOptions of(boolean encryptRtp, boolean encryptRtcp, boolean authenticateRtp, long mki, int mkiBytes) {
        if (mkiBytes < 0 || mkiBytes > 8) {
            throw new IllegalArgumentException("an MKI is 0 to 8 bytes here, not " + mkiBytes);
        }
        byte[] value = new byte[mkiBytes];
        for (int i = 0; i < mkiBytes; i++) {
            value[i] = (byte) (mki >>> (8 * (mkiBytes - 1 - i)));
        }
        if (encryptRtp && encryptRtcp && authenticateRtp && mkiBytes == 0) {
            return DEFAULT;
        }
        return new SrtpOptions(encryptRtp, encryptRtcp, authenticateRtp, value);
    }

    /**
     * {@code mki}: the MKI as it goes on the wire (SDES allows 1 to 128 bytes, RFC 4568 §9.1;
     * empty: none), copied.
     */
    public static SrtpOptions of(boolean encryptRtp, boolean encryptRtcp, boolean authenticateRtp, byte[] mki) {
        if (mki.length > 128) {
            throw new IllegalArgumentException("an MKI is at most 128 bytes, not " + mki.length);
        }
        if (encryptRtp && encryptRtcp && authenticateRtp && mki.length == 0) {
            return DEFAULT;
        }
        return new SrtpOptions(encryptRtp, encryptRtcp, authenticateRtp, mki.clone());
    }

    public boolean encryptRtp() {
        return encryptRtp;
    }

    public boolean encryptRtcp() {
        return encryptRtcp;
    }

    public boolean authenticateRtp() {
        return authenticateRtp;
    }

    public int mkiBytes() {
        return mki.length;
    }

    byte mki(int i) {
        return mki[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpOptions other && encryptRtp == other.encryptRtp && encryptRtcp == other.encryptRtcp
                && authenticateRtp == other.authenticateRtp && Arrays.equals(mki, other.mki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mki) * 8 + (encryptRtp ? 4 : 0) + (encryptRtcp ? 2 : 0) + (authenticateRtp ? 1 : 0);
    }

    @Override
    public String toString() {
        return (encryptRtp ? "" : "UNENCRYPTED_SRTP ") + (encryptRtcp ? "" : "UNENCRYPTED_SRTCP ")
                + (authenticateRtp ? "" : "UNAUTHENTICATED_SRTP ") + "mki " + mki.length + " bytes";
    }
}

package org.ngrelay.core.dtls;

import org.ngrelay.core.srtp.SrtpSuite;

/**
 * What a finished handshake hands back to the media loop: the profile's suite and the two master
 * keys (key then salt, as SDES carries them) from the exporter (RFC 5764 §4.2): {@code local}
 * protects what ngrelay sends, {@code remote} unprotects what the peer sends.
 */
public record DtlsKeys(SrtpSuite suite, byte[] local, byte[] remote) {

    /**
     * Splits the exporter's output: client key, server key, client salt, server salt.
     * @param client whether ngrelay was the DTLS client
     */
    static DtlsKeys split(SrtpSuite suite, byte[] material, boolean client) {
        int k = suite.keyBytes;
        int s = suite.saltBytes;
        byte[] clientMaster = new byte[k + s];
        byte[] serverMaster = new byte[k + s];
        System.arraycopy(material, 0, clientMaster, 0, k);
        System.arraycopy(material, k, serverMaster, 0, k);
        System.arraycopy(material, 2 * k, clientMaster, k, s);
        System.arraycopy(material, 2 * k + s, serverMaster, k, s);
        return client ? new DtlsKeys(suite, clientMaster, serverMaster) : new DtlsKeys(suite, serverMaster, clientMaster);
    }

    /** How many bytes the exporter must give for {@code suite}. */
    static int materialBytes(SrtpSuite suite) {
        return 2 * (suite.keyBytes + suite.saltBytes);
    }
}

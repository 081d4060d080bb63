package org.ngrelay.core.dtls;

import java.util.concurrent.Executor;

/**
 * The daemon's DTLS settings, one home for the rtpengine options: the certificate
 * ({@code --dtls-cert-cipher}, {@code --dtls-rsa-key-size}, {@code --dtls-signature}), the cipher
 * suites ({@code --dtls-ciphers}), {@code --dtls-mtu} (rtpengine's default 1200) and
 * {@code --dtls-passive} (answer DTLS offers with {@code a=setup:passive}).
 *
 * @param cipherSuites BC cipher suite ids, best first; null for {@link DtlsCiphers#DEFAULT}
 */
public record DtlsConfig(DtlsCertificate certificate, int mtu, boolean passive, int[] cipherSuites, Executor handshakes) {

    public static final int DEFAULT_MTU = 1200;

    public DtlsConfig {
        if (mtu < 256 || mtu > 65535) {
            throw new IllegalArgumentException("--dtls-mtu must be 256 to 65535, not " + mtu);
        }
        cipherSuites = cipherSuites == null ? null : cipherSuites.clone();
    }

    /** rtpengine 10.5's defaults, with a fresh certificate and the shared handshake threads. */
    public static DtlsConfig defaults() {
        return new DtlsConfig(DtlsCertificate.generate(), DEFAULT_MTU, false, null, DtlsHandshakes.shared());
    }

    /** The suites a client offers: all of them (the server's certificate decides). */
    int[] clientSuites() {
        return (cipherSuites == null ? DtlsCiphers.DEFAULT : cipherSuites).clone();
    }

    /** The suites a server can choose: those this certificate's key can sign for. */
    int[] serverSuites() {
        return DtlsCiphers.forKey(cipherSuites == null ? DtlsCiphers.DEFAULT : cipherSuites, certificate.type());
    }
}

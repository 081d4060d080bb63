package org.ngrelay.cli;

import org.ngrelay.core.dtls.DtlsCertificate;
import org.ngrelay.core.dtls.DtlsCiphers;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.dtls.DtlsHandshakes;
import picocli.CommandLine.Option;

/** rtpengine 10.5's DTLS options: the daemon's certificate, its cipher suites, MTU and preferred role. */
final class DtlsOptions {

    @Option(names = "--dtls-passive", description = "always prefer the DTLS passive (server) role: answer DTLS offers with a=setup:passive")
    boolean passive;

    @Option(names = "--dtls-cert-cipher", paramLabel = "prime256v1|RSA", defaultValue = "prime256v1",
            description = "key type of the daemon's self-signed DTLS certificate (default: ${DEFAULT-VALUE})")
    String certCipher;

    @Option(names = "--dtls-rsa-key-size", paramLabel = "INT", defaultValue = "2048",
            description = "size of the RSA key with --dtls-cert-cipher=RSA (default: ${DEFAULT-VALUE})")
    int rsaKeySize;

    @Option(names = "--dtls-signature", paramLabel = "SHA-256|SHA-1", defaultValue = "SHA-256",
            description = "signature hash of the DTLS certificate (default: ${DEFAULT-VALUE})")
    String signature;

    @Option(names = "--dtls-mtu", paramLabel = "INT", defaultValue = "1200",
            description = "largest datagram a DTLS handshake sends (default: ${DEFAULT-VALUE})")
    int mtu;

    @Option(names = "--dtls-ciphers", paramLabel = "STRING",
            description = "DTLS cipher suites, OpenSSL names separated by ':' in order of preference; OpenSSL keywords are ignored"
                    + " (default: ECDHE with AES-GCM, ChaCha20-Poly1305, then AES-CBC)")
    String ciphers;

    /** @throws IllegalArgumentException with the option's name when a value is wrong */
    DtlsConfig config() {
        DtlsCertificate certificate = DtlsCertificate.generate(DtlsCertificate.KeyType.parse(certCipher), rsaKeySize, signature);
        return new DtlsConfig(certificate, mtu, passive, ciphers == null ? null : DtlsCiphers.parse(ciphers), DtlsHandshakes.shared());
    }
}

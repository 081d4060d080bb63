package org.ngrelay.core.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * What the client and the server side of a handshake share: ngrelay's credentials, the check of
 * the peer's certificate against the SDP's fingerprint (RFC 5763 §5: the only trust there is),
 * and the SRTP key export (RFC 5764 §4.2), with the fallback for peers without the extended
 * master secret, for which BC refuses its exporter.
 */
final class Handshake {

    static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";
    /** BC's default is no limit: a peer that stops answering must not hold a thread for ever. */
    static final int TIMEOUT_MS = 20_000;

    private final DtlsConfig config;
    private final Fingerprint expected;
    volatile boolean fingerprintMismatch;
    volatile SrtpProfile profile;
    volatile DtlsKeys keys;

    Handshake(DtlsConfig config, Fingerprint expected) {
        this.config = config;
        this.expected = expected;
    }

    TlsCredentialedSigner signer(JcaTlsCrypto crypto, TlsContext context) throws IOException {
        DtlsCertificate cert = config.certificate();
        Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(cert.der())});
        short algorithm = cert.type() == DtlsCertificate.KeyType.RSA ? SignatureAlgorithm.rsa : SignatureAlgorithm.ecdsa;
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, cert.privateKey(), chain,
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, algorithm));
    }

    /** The peer's certificate must hash to the SDP's fingerprint, else the handshake ends with bad_certificate. */
    void verify(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "the peer sent no certificate");
        }
        if (!expected.matches(chain.getCertificateAt(0).getEncoded())) {
            fingerprintMismatch = true;
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "the peer's certificate does not match a=fingerprint:" + expected.hash());
        }
    }

    /** At notifyHandshakeComplete: the keys for the negotiated profile. */
    void export(TlsContext context, boolean client) throws IOException {
        SrtpProfile chosen = profile;
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP protection profile was agreed");
        }
        int length = DtlsKeys.materialBytes(chosen.suite());
        SecurityParameters sp = context.getSecurityParametersConnection();
        byte[] material;
        if (sp.isExtendedMasterSecret()) {
            material = context.exportKeyingMaterial(EXPORTER_LABEL, null, length);
        } else {
            // RFC 5705's exporter without a context: PRF(master secret, label, client random + server random)
            byte[] seed = new byte[64];
            System.arraycopy(sp.getClientRandom(), 0, seed, 0, 32);
            System.arraycopy(sp.getServerRandom(), 0, seed, 32, 32);
            material = sp.getMasterSecret().deriveUsingPRF(sp.getPRFAlgorithm(), EXPORTER_LABEL, seed, length).extract();
        }
        keys = DtlsKeys.split(chosen.suite(), material, client);
    }

    DtlsConfig config() {
        return config;
    }
}

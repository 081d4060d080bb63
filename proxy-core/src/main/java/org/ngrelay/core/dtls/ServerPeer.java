package org.ngrelay.core.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** ngrelay as the DTLS server ({@code a=setup:passive}): picks a profile, demands and checks the client's certificate. */
final class ServerPeer extends DefaultTlsServer {

    private final Handshake handshake;

    ServerPeer(JcaTlsCrypto crypto, Handshake handshake) {
        super(crypto);
        this.handshake = handshake;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), handshake.config().serverSuites());
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return Handshake.TIMEOUT_MS;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return handshake.signer((JcaTlsCrypto) getCrypto(), context);
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return handshake.signer((JcaTlsCrypto) getCrypto(), context);
    }

    @Override
    @SuppressWarnings("rawtypes") // BC's extension tables are raw
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        SrtpProfile chosen = srtp == null ? null : SrtpProfile.choose(srtp.getProtectionProfiles());
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "the client offered no SRTP protection profile ngrelay has");
        }
        handshake.profile = chosen;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // BC's extension tables are raw
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {handshake.profile.id()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    /** RFC 5763 §5: the client must present a certificate, to be checked against its fingerprint. */
    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        handshake.verify(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        handshake.export(context, false);
    }
}

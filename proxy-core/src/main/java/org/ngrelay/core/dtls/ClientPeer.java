package org.ngrelay.core.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** ngrelay as the DTLS client ({@code a=setup:active}): offers its profiles, checks the server's certificate. */
final class ClientPeer extends DefaultTlsClient {

    private final Handshake handshake;

    ClientPeer(JcaTlsCrypto crypto, Handshake handshake) {
        super(crypto);
        this.handshake = handshake;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), handshake.config().clientSuites());
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return Handshake.TIMEOUT_MS;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // BC's extension tables are raw
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(SrtpProfile.ids(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes") // BC's extension tables are raw
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        SrtpProfile chosen = srtp == null || srtp.getProtectionProfiles().length != 1 ? null : SrtpProfile.byId(srtp.getProtectionProfiles()[0]);
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the server chose no SRTP protection profile ngrelay offered");
        }
        handshake.profile = chosen;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                handshake.verify(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return handshake.signer((JcaTlsCrypto) getCrypto(), context);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        handshake.export(context, true);
    }
}

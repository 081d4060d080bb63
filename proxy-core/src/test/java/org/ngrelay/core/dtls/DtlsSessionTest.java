package org.ngrelay.core.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two sessions, ngrelay's client and server side, wired back to back: the handshake agrees a
 * profile, both export the same keys crosswise, each pins the other's certificate to its
 * fingerprint, and a flood is bounded. (The handshake against another DTLS stack, rtpengine
 * 10.5's OpenSSL, is DtlsRtpengineInteropTest in ng-protocol.)
 */
@Timeout(60)
class DtlsSessionTest {

    private static final DtlsCertificate EC = DtlsCertificate.generate();
    private static final DtlsCertificate RSA = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA, 2048, "SHA-256");

    /** One side: what it sends goes to {@code other}'s receive; its outcome completes a future. */
    private static final class Side implements DtlsSession.Listener {
        final AtomicReference<DtlsSession> other = new AtomicReference<>();
        final CompletableFuture<DtlsKeys> keys = new CompletableFuture<>();
        volatile boolean mismatch;

        @Override
        public void send(byte[] datagram) {
            DtlsSession to = other.get();
            if (to != null) {
                synchronized (to) {
                    to.receive(ByteBuffer.wrap(datagram));
                }
            }
        }

        @Override
        public void connected(DtlsKeys k) {
            keys.complete(k);
        }

        @Override
        public void failed(String reason, boolean fingerprintMismatch) {
            mismatch = fingerprintMismatch;
            keys.completeExceptionally(new IllegalStateException(reason));
        }
    }

    private static DtlsConfig config(DtlsCertificate cert) {
        return new DtlsConfig(cert, DtlsConfig.DEFAULT_MTU, false, null, DtlsHandshakes.shared());
    }

    @Test
    void clientAndServerAgreeOnAProfileAndExportMirroredKeys() throws Exception {
        for (DtlsCertificate serverCert : new DtlsCertificate[] {EC, RSA}) {
            Side c = new Side();
            Side s = new Side();
            DtlsSession client = new DtlsSession(config(EC), true, serverCert.fingerprint("sha-256"), c);
            DtlsSession server = new DtlsSession(config(serverCert), false, EC.fingerprint("sha-1"), s);
            c.other.set(server);
            s.other.set(client);
            server.start();
            client.start();
            DtlsKeys clientKeys = c.keys.get(20, TimeUnit.SECONDS);
            DtlsKeys serverKeys = s.keys.get(20, TimeUnit.SECONDS);
            assertThat(clientKeys.suite()).isEqualTo(serverKeys.suite()).isEqualTo(SrtpProfile.all().get(0).suite());
            assertThat(clientKeys.local()).isEqualTo(serverKeys.remote()).hasSize(clientKeys.suite().masterBytes());
            assertThat(clientKeys.remote()).isEqualTo(serverKeys.local());
            assertThat(clientKeys.local()).isNotEqualTo(clientKeys.remote());
            assertThat(client.state()).isEqualTo(DtlsSession.State.CONNECTED);
            client.close();
            server.close();
        }
    }

    @Test
    void aCertificateThatDoesNotMatchTheFingerprintEndsTheHandshake() throws Exception {
        Side c = new Side();
        Side s = new Side();
        DtlsCertificate other = DtlsCertificate.generate();
        DtlsSession client = new DtlsSession(config(EC), true, other.fingerprint("sha-256"), c); // expects another server
        DtlsSession server = new DtlsSession(config(RSA), false, EC.fingerprint("sha-256"), s);
        c.other.set(server);
        s.other.set(client);
        server.start();
        client.start();
        assertThat(c.keys).failsWithin(20, TimeUnit.SECONDS);
        assertThat(c.mismatch).isTrue();
        assertThat(client.state()).isEqualTo(DtlsSession.State.FAILED);
        server.close();
    }

    @Test
    void aFloodFillsTheBoundedQueueAndTheRestIsDropped() {
        Side nobody = new Side();
        DtlsSession server = new DtlsSession(config(EC), false, EC.fingerprint("sha-256"), nobody); // not started: nothing drains
        byte[] hello = new byte[100];
        hello[0] = 22;
        for (int i = 0; i < 1000; i++) {
            server.receive(ByteBuffer.wrap(hello));
        }
        assertThat(server.received()).isEqualTo(QueueTransport.QUEUE);
        assertThat(server.dropped()).isEqualTo(1000 - QueueTransport.QUEUE);
        server.close();
        assertThat(server.receive(ByteBuffer.wrap(hello))).isFalse();
    }

    @Test
    void fingerprintsParseAndPrintAsRtpengineWritesThem() {
        Fingerprint f = EC.fingerprint("SHA-256");
        assertThat(f.attribute()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(Fingerprint.parse(f.attribute())).isEqualTo(f);
        assertThat(Fingerprint.parse("SHA-1 " + EC.fingerprint("sha-1").attribute().substring(6).toLowerCase())).isEqualTo(EC.fingerprint("sha-1"));
        assertThat(Fingerprint.parse("sha-256 AB:CD")).isNull();
        assertThat(Fingerprint.parse("md5 AB:CD")).isNull();
        assertThat(Fingerprint.parse("garbage")).isNull();
        assertThat(EC.fingerprint("sha-512").attribute()).hasSize("sha-512 ".length() + 64 * 3 - 1);
    }
}

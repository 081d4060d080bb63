package org.ngrelay.ng.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.ngrelay.core.dtls.DtlsCertificate;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.dtls.DtlsHandshakes;
import org.ngrelay.core.dtls.DtlsKeys;
import org.ngrelay.core.dtls.DtlsSession;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.srtp.SrtpContext;

/**
 * A DTLS-SRTP party on a real UDP socket, for tests: its own certificate, a DTLS session as client
 * or server towards ngrelay, and once connected the SRTP contexts to protect what it sends and
 * unprotect what it receives. Everything that is not DTLS is kept for {@link #receiveMedia}.
 */
public final class DtlsPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final java.util.concurrent.BlockingQueue<byte[]> media = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile DtlsSession session;
    private volatile InetSocketAddress remote;
    public final CompletableFuture<DtlsKeys> keys = new CompletableFuture<>();

    public DtlsPeer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "dtls-peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** What this party puts in its SDP: {@code a=fingerprint:...} (its own certificate's). */
    public Fingerprint fingerprint() {
        return certificate.fingerprint("sha-256");
    }

    /** Starts the handshake with ngrelay at {@code relay}, whose certificate must match {@code expected}. */
    public void start(boolean client, InetSocketAddress relay, Fingerprint expected) {
        remote = relay;
        session = new DtlsSession(new DtlsConfig(certificate, DtlsConfig.DEFAULT_MTU, false, null, DtlsHandshakes.shared()), client, expected,
                new DtlsSession.Listener() {
                    @Override
                    public void send(byte[] datagram) {
                        DtlsPeer.this.send(datagram);
                    }

                    @Override
                    public void connected(DtlsKeys k) {
                        keys.complete(k);
                    }

                    @Override
                    public void failed(String reason, boolean fingerprintMismatch) {
                        keys.completeExceptionally(new IOException(reason));
                    }
                });
        session.start();
    }

    public SrtpContext writer() {
        DtlsKeys k = keys.join();
        return new SrtpContext(k.suite(), k.local());
    }

    public SrtpContext reader() {
        DtlsKeys k = keys.join();
        return new SrtpContext(k.suite(), k.remote());
    }

    public void send(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, remote));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next non-DTLS datagram, or null after {@code timeoutMs}. */
    public byte[] receiveMedia(long timeoutMs) throws InterruptedException {
        return media.poll(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void read() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            int first = buf[0] & 0xff;
            byte[] copy = java.util.Arrays.copyOf(buf, p.getLength());
            DtlsSession s = session;
            if (first >= 20 && first <= 63) {
                if (s != null) {
                    synchronized (this) {
                        s.receive(ByteBuffer.wrap(copy));
                    }
                }
            } else {
                media.add(copy);
            }
        }
    }

    @Override
    public void close() {
        DtlsSession s = session;
        if (s != null) {
            s.close();
        }
        socket.close();
    }
}

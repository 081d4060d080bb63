package org.ngrelay.core.dtls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * One stream's DTLS-SRTP association with one party: ngrelay as client ({@code a=setup:active})
 * or server ({@code passive}), the party's certificate pinned to its SDP fingerprint. The media
 * loop hands in what arrives ({@link #receive}); the handshake runs on a {@link DtlsHandshakes}
 * thread and reports through the {@link Listener} from there: its sends and its outcome, which
 * the listener posts back to the loop. After the handshake the thread lingers a few seconds to
 * answer a peer that retransmits its last flight (its copy of ours was lost), then ends.
 */
public final class DtlsSession {

    /** Called on the handshake thread: implementations post to the media loop. */
    public interface Listener {
        void send(byte[] datagram);

        void connected(DtlsKeys keys);

        void failed(String reason, boolean fingerprintMismatch);
    }

    public enum State {
        HANDSHAKING("handshaking"), CONNECTED("connected"), FAILED("failed"), CLOSED("closed");

        public final String text;

        State(String text) {
            this.text = text;
        }
    }

    static final long LINGER_MS = TimeUnit.SECONDS.toMillis(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DtlsConfig config;
    private final boolean client;
    private final Fingerprint peer;
    private final Listener listener;
    private final QueueTransport transport;
    private volatile State state = State.HANDSHAKING;
    /** Loop only. */
    private long received;
    private long dropped;

    public DtlsSession(DtlsConfig config, boolean client, Fingerprint peer, Listener listener) {
        this.config = config;
        this.client = client;
        this.peer = peer;
        this.listener = listener;
        this.transport = new QueueTransport(listener::send, config.mtu());
    }

    /** Begins the handshake (a client sends its ClientHello at once). Call once. */
    public void start() {
        try {
            config.handshakes().execute(this::run);
        } catch (RejectedExecutionException e) {
            state = State.FAILED;
            listener.failed("no thread for the DTLS handshake: " + e.getMessage(), false);
        }
    }

    /**
     * From the media loop: a DTLS datagram from the party, copied (handshakes only: a few per call).
     * @return false when it was dropped: the handshake is over or its queue is full (a flood)
     */
    public boolean receive(ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.duplicate().get(copy);
        if (transport.offer(copy)) {
            received++;
            return true;
        }
        dropped++;
        return false;
    }

    /** Ends the association: the handshake thread, if still running, gives up. */
    public void close() {
        if (state == State.HANDSHAKING) {
            state = State.CLOSED;
        }
        transport.close();
    }

    private void run() {
        JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(RANDOM);
        Handshake handshake = new Handshake(config, peer);
        DTLSTransport dtls;
        try {
            if (client) {
                dtls = new DTLSClientProtocol().connect(new ClientPeer(crypto, handshake), transport);
            } else {
                DTLSServerProtocol server = new DTLSServerProtocol();
                server.setVerifyRequests(false); // the party is known from the SDP: no cookie exchange
                dtls = server.accept(new ServerPeer(crypto, handshake), transport);
            }
        } catch (IOException | RuntimeException e) {
            if (state != State.CLOSED) {
                state = State.FAILED;
                listener.failed(reason(e), handshake.fingerprintMismatch);
            }
            transport.close();
            return;
        }
        state = State.CONNECTED;
        listener.connected(handshake.keys);
        linger(dtls);
    }

    /** Reads on for a while, so BC answers a retransmitted final flight; application data is not expected. */
    private void linger(DTLSTransport dtls) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
        try {
            byte[] buf = new byte[dtls.getReceiveLimit()];
            while (System.nanoTime() < until && state == State.CONNECTED) {
                dtls.receive(buf, 0, buf.length, 500);
            }
        } catch (IOException e) {
            // the session was closed, or the party sent an alert: the keys stand either way
        }
        transport.close();
    }

    private static String reason(Exception e) {
        if (e instanceof TlsFatalAlert alert && alert.getMessage() != null) {
            return alert.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    public boolean client() {
        return client;
    }

    public Fingerprint peer() {
        return peer;
    }

    public State state() {
        return state;
    }

    public long received() {
        return received;
    }

    public long dropped() {
        return dropped;
    }
}

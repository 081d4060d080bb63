package org.ngrelay.core.call;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.dtls.DtlsKeys;
import org.ngrelay.core.dtls.DtlsSession;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpKeyLog;

/**
 * One stream's DTLS-SRTP with its party: the {@link DtlsSession}, and once its handshake is done
 * the SRTP contexts from the exported keys. The session's reports arrive on a handshake thread and
 * are posted to the call's loop here, so every field is the loop's: the packet path reads
 * {@link #inbound}/{@link #outbound} without a lock.
 */
final class DtlsLink implements DtlsSession.Listener {

    private static final Logger LOG = Logger.getLogger(DtlsLink.class.getName());

    private final PacketStream stream;
    private final DtlsSession session;
    /** SRTP from the party, and towards it; null until the handshake is done. */
    private SrtpContext inbound;
    private SrtpContext outbound;
    private String failure;
    /** A direct buffer for the handshake's datagrams (the sockets take direct buffers), one MTU; loop only. */
    private final ByteBuffer out;

    DtlsLink(PacketStream stream, DtlsConfig config, boolean client, Fingerprint peer) {
        this.stream = stream;
        this.out = ByteBuffer.allocateDirect(config.mtu()); // BC never sends more than its send limit, the MTU less headers
        this.session = new DtlsSession(config, client, peer, this);
    }

    void start() {
        session.start();
    }

    /** The same association a re-INVITE asks for: same role, same certificate, not failed. */
    boolean same(boolean client, Fingerprint peer) {
        return session.client() == client && session.peer().equals(peer) && session.state() != DtlsSession.State.FAILED;
    }

    /** A DTLS datagram from the party (loop). */
    boolean receive(ByteBuffer packet) {
        return session.receive(packet);
    }

    SrtpContext inbound() {
        return inbound;
    }

    SrtpContext outbound() {
        return outbound;
    }

    boolean client() {
        return session.client();
    }

    DtlsSession.State state() {
        return session.state();
    }

    String failure() {
        return failure;
    }

    long dropped() {
        return session.dropped();
    }

    void close() {
        session.close();
    }

    @Override
    public void send(byte[] datagram) {
        stream.loop().execute(() -> {
            out.clear();
            out.put(datagram).flip();
            stream.sendRaw(out);
        });
    }

    @Override
    public void connected(DtlsKeys keys) {
        stream.loop().execute(() -> {
            inbound = new SrtpContext(keys.suite(), keys.remote());
            outbound = new SrtpContext(keys.suite(), keys.local());
            SrtpKeyLog.key(stream.logPrefix(), "DTLS inbound (port " + stream.localPort() + ")", keys.suite(), keys.remote());
            SrtpKeyLog.key(stream.logPrefix(), "DTLS outbound (port " + stream.localPort() + ")", keys.suite(), keys.local());
            LOG.info(() -> stream.logPrefix() + " DTLS-SRTP established as " + (session.client() ? "client" : "server")
                    + " on port " + stream.localPort() + ", suite " + keys.suite());
        });
    }

    @Override
    public void failed(String reason, boolean fingerprintMismatch) {
        stream.loop().execute(() -> {
            failure = reason;
            stream.dtlsFailed(fingerprintMismatch);
            if (LOG.isLoggable(Level.WARNING)) {
                LOG.warning(stream.logPrefix() + " DTLS handshake on port " + stream.localPort() + " failed: " + reason
                        + (fingerprintMismatch ? " (certificate does not match a=fingerprint)" : ""));
            }
        });
    }
}

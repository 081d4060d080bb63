/**
 * DTLS-SRTP (RFC 5763/5764) on Bouncy Castle's bctls: the daemon's certificate and its
 * fingerprints, the SRTP protection profiles, and one {@link org.ngrelay.core.dtls.DtlsSession}
 * per stream. BC's DTLS protocol classes block in {@code receive()}, so each handshake runs on a
 * small executor of its own ({@link org.ngrelay.core.dtls.DtlsHandshakes}) behind a
 * {@link org.bouncycastle.tls.DatagramTransport} that the call's media loop feeds through a bounded
 * queue; what the handshake sends, and the SRTP keys it exports, go back to the loop. BC's
 * retransmission timer runs on that handshake thread, so no media thread ever waits.
 */
package org.ngrelay.core.dtls;

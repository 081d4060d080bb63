package org.ngrelay.core.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * BC's view of the stream's socket: {@link #receive} takes what the media loop queued
 * ({@link #offer}, bounded: a flood fills it and the rest is dropped), {@link #send} hands the
 * datagram to a sender that posts it to the loop. The handshake thread blocks here, never the loop.
 */
final class QueueTransport implements DatagramTransport {

    /** Datagrams waiting for the handshake: a flight is a few; far more is a flood. */
    static final int QUEUE = 32;
    /** What ngrelay reads of one datagram: larger than any handshake record a peer sends at its MTU. */
    private static final int RECEIVE_LIMIT = 4096;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Consumer<byte[]> sender;
    private final int sendLimit;
    private volatile boolean closed;

    QueueTransport(Consumer<byte[]> sender, int mtu) {
        this.sender = sender;
        // the DTLS record inside one datagram: the MTU less IPv6's 40 and UDP's 8 bytes
        this.sendLimit = mtu - 48;
    }

    /** From the media loop: false when the queue is full (the datagram is dropped) or the handshake is over. */
    boolean offer(byte[] datagram) {
        return !closed && queue.offer(datagram);
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new InterruptedIOException("DTLS session closed");
        }
        try {
            byte[] datagram = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (datagram == null) {
                if (closed) {
                    throw new InterruptedIOException("DTLS session closed");
                }
                return -1;
            }
            int n = Math.min(len, datagram.length);
            System.arraycopy(datagram, 0, buf, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS handshake interrupted");
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new InterruptedIOException("DTLS session closed");
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        sender.accept(copy);
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}

package org.ngrelay.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A real UDP socket on loopback playing a SIP phone's media side in tests. */
public final class UdpPeer implements AutoCloseable {

    /** One datagram as received. */
    public record Received(byte[] data, InetSocketAddress from) {
    }

    private final DatagramSocket socket;

    private UdpPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static UdpPeer bind(String host) {
        try {
            return new UdpPeer(new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port that was free a moment ago, for a server the test starts. */
    public static int freePort() {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public void send(byte[] data, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the next datagram, or null when none arrives within {@code timeout} */
    public Received receive(Duration timeout) {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(p);
            return new Received(Arrays.copyOf(buf, p.getLength()), (InetSocketAddress) p.getSocketAddress());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives until {@code quiet} passes without a datagram; returns how many came. */
    public int drain(Duration quiet) {
        int n = 0;
        while (receive(quiet) != null) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        socket.close();
    }
}

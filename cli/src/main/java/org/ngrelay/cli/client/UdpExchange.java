package org.ngrelay.cli.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One ng request over UDP: {@code cookie SP body}, resent with the same cookie until a reply comes. */
final class UdpExchange {

    private UdpExchange() {
    }

    /**
     * @return the reply's body (after {@code cookie SP}), or null when none came after
     *         {@code 1 + retries} tries of {@code timeoutMs} each
     */
    static byte[] send(InetSocketAddress target, String cookie, byte[] body, int timeoutMs, int retries) throws IOException {
        byte[] prefix = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] datagram = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, datagram, prefix.length, body.length);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(Math.max(1, timeoutMs));
            byte[] buf = new byte[65535];
            for (int attempt = 0; attempt <= retries; attempt++) {
                socket.send(new DatagramPacket(datagram, datagram.length, target));
                long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    // a late reply to another cookie (or another sender) is not ours
                    if (p.getSocketAddress().equals(target) && startsWith(buf, p.getLength(), prefix)) {
                        return Arrays.copyOfRange(buf, prefix.length, p.getLength());
                    }
                    int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout(left);
                }
                socket.setSoTimeout(Math.max(1, timeoutMs));
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

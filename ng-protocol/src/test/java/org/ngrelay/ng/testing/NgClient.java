package org.ngrelay.ng.testing;

import com.dampcake.bencode.Bencode;
import com.dampcake.bencode.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Sends ng requests over real UDP, the way Kamailio's module does. */
public final class NgClient implements NgTransport {

    private static final Bencode BENCODE = new Bencode(StandardCharsets.ISO_8859_1);
    private static final AtomicLong COOKIES = new AtomicLong();

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    public NgClient(InetSocketAddress server) {
        this.server = server;
        try {
            socket = new DatagramSocket();
            socket.setSoTimeout(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String newCookie() {
        return "t" + ProcessHandle.current().pid() + "_" + COOKIES.incrementAndGet();
    }

    /** Sends {@code dict} with a fresh cookie and decodes the reply. */
    public Map<String, Object> request(Map<String, Object> dict) {
        return decode(raw(newCookie(), BENCODE.encode(dict)));
    }

    /** Sends {@code cookie SP body} and returns the reply body, or null when none came within 1 s. */
    public byte[] raw(String cookie, byte[] body) {
        byte[] c = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] datagram = Arrays.copyOf(c, c.length + body.length);
        System.arraycopy(body, 0, datagram, c.length, body.length);
        byte[] reply = rawDatagram(datagram);
        if (reply == null) {
            return null;
        }
        String expected = cookie + " ";
        String head = new String(reply, 0, Math.min(reply.length, expected.length()), StandardCharsets.ISO_8859_1);
        if (!head.equals(expected)) {
            throw new AssertionError("reply does not echo cookie " + cookie + ": " + new String(reply, StandardCharsets.ISO_8859_1));
        }
        return Arrays.copyOfRange(reply, expected.length(), reply.length);
    }

    /** Sends a whole datagram; returns the whole reply datagram, or null after 1 s of silence. */
    public byte[] rawDatagram(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, server));
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.setSoTimeout(datagram.length == 0 || indexOfSpace(datagram) < 0 ? 1000 : 5000);
            socket.receive(p);
            return Arrays.copyOf(buf, p.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfSpace(byte[] d) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    public static Map<String, Object> decode(byte[] body) {
        return BENCODE.decode(body, Type.DICTIONARY);
    }

    public static byte[] encode(Map<String, Object> dict) {
        return BENCODE.encode(dict);
    }

    /** A dictionary from key, value pairs. */
    public static Map<String, Object> dict(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        socket.close();
    }
}

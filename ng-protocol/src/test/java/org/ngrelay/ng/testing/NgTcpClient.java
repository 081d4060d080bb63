package org.ngrelay.ng.testing;

import com.dampcake.bencode.BencodeInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An ng client over TCP (rtpengine's framing: {@code COOKIE SP dictionary}, back to back), blocking, for tests. */
public final class NgTcpClient implements NgTransport {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public NgTcpClient(InetSocketAddress server) {
        try {
            socket = new Socket(server.getAddress(), server.getPort());
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Socket socket() {
        return socket;
    }

    /** Sends {@code dict} with a fresh cookie, reads one reply and checks it carries the cookie. */
    public Map<String, Object> request(Map<String, Object> dict) {
        String cookie = NgClient.newCookie();
        send(message(cookie, dict));
        Reply reply = read();
        if (!reply.cookie().equals(cookie)) {
            throw new AssertionError("reply for cookie " + reply.cookie() + ", expected " + cookie);
        }
        return reply.body();
    }

    public static byte[] message(String cookie, Map<String, Object> dict) {
        byte[] c = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = NgClient.encode(dict);
        byte[] m = java.util.Arrays.copyOf(c, c.length + b.length);
        System.arraycopy(b, 0, m, c.length, b.length);
        return m;
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reply: its cookie and dictionary. */
    public record Reply(String cookie, Map<String, Object> body) {
    }

    public Reply read() {
        try {
            ByteArrayOutputStream cookie = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != ' ') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                cookie.write(b);
            }
            Map<String, Object> body = new BencodeInputStream(in, StandardCharsets.ISO_8859_1).readDictionary();
            return new Reply(cookie.toString(StandardCharsets.ISO_8859_1), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection within the socket timeout (reads to the end). */
    public boolean closedByServer() {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}

package org.ngrelay.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgTransport;

/** ng over WebSocket ({@code ng.rtpengine.com}): one {@code COOKIE SP dictionary} message per frame. */
final class WebSocketNgClient implements NgTransport {

    private final RawWebSocket ws;

    WebSocketNgClient(InetSocketAddress server) {
        try {
            ws = RawWebSocket.open(server, "ng.rtpengine.com", false);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket to " + server + ": " + e, e);
        }
        if (!ws.upgraded()) {
            throw new IllegalStateException("WebSocket upgrade refused: " + ws.handshakeResponse);
        }
    }

    @Override
    public Map<String, Object> request(Map<String, Object> dict) {
        String cookie = NgClient.newCookie();
        byte[] c = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = NgClient.encode(dict);
        byte[] m = Arrays.copyOf(c, c.length + b.length);
        System.arraycopy(b, 0, m, c.length, b.length);
        try {
            ws.send(RawWebSocket.TEXT, m);
            byte[] reply = ws.read().payload();
            String head = new String(reply, 0, Math.min(reply.length, c.length), StandardCharsets.ISO_8859_1);
            if (!head.equals(cookie + " ")) {
                throw new AssertionError("reply without cookie " + cookie + ": " + new String(reply, StandardCharsets.ISO_8859_1));
            }
            return NgClient.decode(Arrays.copyOfRange(reply, c.length, reply.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            ws.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}

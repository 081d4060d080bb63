package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.cli.http.HttpServer;
import org.ngrelay.cli.http.Metrics;
import org.ngrelay.cli.http.Tls;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * ng over WebSocket (10.5's {@code ng.rtpengine.com}, {@code cli.rtpengine.com},
 * {@code echo.rtpengine.com}, newer rtpengine's {@code ng-plain.rtpengine.com}), over WSS and
 * HTTPS, and {@code POST /ng-plain}, all into the same dispatcher as UDP; and the limits: a frame
 * split into single bytes, a 10 MB message or body, an idle HTTP connection, an unknown
 * subprotocol. A call set up before keeps relaying. Media ports 26800-26899.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class WebTransportTest {

    private InProcessRelay relay;
    private Metrics metrics;
    private HttpServer http;
    private HttpServer https;
    private NgClient udp;
    private TwoPartyCall survivor;

    @BeforeAll
    void setUp() throws Exception {
        relay = InProcessRelay.withPorts(26800, 26899);
        ControlCli cli = new ControlCli(relay.commands(), Logging.control());
        metrics = new Metrics(relay.commands());
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        http = new HttpServer(metrics, relay.processor(), cli, any, null, 2, 1);
        Path resources = Path.of(getClass().getResource("/options/test-cert.pem").toURI()).getParent();
        https = new HttpServer(metrics, relay.processor(), cli, any,
                Tls.serverContext(resources.resolve("test-cert.pem"), resources.resolve("test-key.pem")), 1, 1);
        udp = relay.client();
        survivor = TwoPartyCall.establish(udp, "web-survivor");
    }

    @AfterAll
    void tearDown() {
        survivor.assertRtpBothWays();
        survivor.close();
        udp.close();
        http.close();
        https.close();
        metrics.close();
        relay.close();
    }

    private static byte[] ngMessage(String cookie, Map<String, Object> dict) {
        byte[] c = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = NgClient.encode(dict);
        byte[] m = Arrays.copyOf(c, c.length + b.length);
        System.arraycopy(b, 0, m, c.length, b.length);
        return m;
    }

    private static Map<String, Object> ngReply(RawWebSocket.Frame frame, String cookie) {
        byte[] p = frame.payload();
        assertThat(frame.text()).startsWith(cookie + " ");
        return NgClient.decode(Arrays.copyOfRange(p, cookie.length() + 1, p.length));
    }

    private static String masked(Object sdp) {
        return ((String) sdp).replaceAll("m=audio \\d+", "m=audio P").replaceAll("a=rtcp:\\d+", "a=rtcp:P");
    }

    @Test
    void ngOverWebSocketAndWssAnswersAsUdp() throws Exception {
        for (HttpServer server : new HttpServer[] {http, https}) {
            boolean tls = server == https;
            try (RawWebSocket ws = RawWebSocket.open(server.localAddress(), "ng.rtpengine.com", tls)) {
                assertThat(ws.upgraded()).as(ws.handshakeResponse).isTrue();
                assertThat(ws.handshakeResponse).contains("ng.rtpengine.com");
                ws.send(RawWebSocket.TEXT, ngMessage("c1", dict("command", "ping")));
                RawWebSocket.Frame pong = ws.read();
                // rtpengine 10.5 answers in binary frames whatever the request came in
                assertThat(pong.opcode()).isEqualTo(RawWebSocket.BINARY);
                assertThat(ngReply(pong, "c1")).isEqualTo(Map.of("result", "pong"));
                String callId = "ws-call-" + tls;
                Map<String, Object> offer = dict("command", "offer", "call-id", callId, "from-tag", "a",
                        "sdp", Sdps.audio("a", "127.0.0.1", 24000, 24001));
                ws.send(RawWebSocket.BINARY, ngMessage("c2", offer));
                RawWebSocket.Frame frame = ws.read();
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.BINARY);
                Map<String, Object> overWs = ngReply(frame, "c2");
                offer.put("call-id", callId + "-udp");
                Map<String, Object> overUdp = udp.request(offer);
                assertThat(overWs).containsEntry("result", "ok");
                assertThat(masked(overWs.get("sdp"))).isEqualTo(masked(overUdp.get("sdp")));
                ws.send(RawWebSocket.TEXT, ngMessage("c3", dict("command", "answer", "call-id", callId, "from-tag", "a",
                        "to-tag", "b", "sdp", Sdps.audio("b", "127.0.0.1", 24002, 24003))));
                assertThat(ngReply(ws.read(), "c3")).containsEntry("result", "ok");
                ws.send(RawWebSocket.TEXT, ngMessage("c4", dict("command", "delete", "call-id", callId, "from-tag", "a")));
                assertThat(ngReply(ws.read(), "c4")).containsEntry("result", "ok");
            }
        }
    }

    @Test
    void plainCliAndEchoSubprotocols() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "ng-plain.rtpengine.com", false)) {
            assertThat(ws.upgraded()).isTrue();
            ws.send(RawWebSocket.TEXT, "{\"command\":\"ping\"}".getBytes(StandardCharsets.US_ASCII));
            assertThat(ws.read().text()).isEqualTo("{\"result\":\"pong\"}");
            ws.send(RawWebSocket.TEXT, NgClient.encode(dict("command", "ping")));
            assertThat(ws.read().text()).isEqualTo("d6:result4:ponge");
        }
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "cli.rtpengine.com", false)) {
            ws.send(RawWebSocket.TEXT, "list maxsessions".getBytes(StandardCharsets.US_ASCII));
            assertThat(ws.read().text()).isEqualTo("Maximum sessions configured on rtpengine: -1\n");
        }
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "foo.example, echo.rtpengine.com", false)) {
            assertThat(ws.handshakeResponse).contains("echo.rtpengine.com");
            ws.send(RawWebSocket.BINARY, new byte[] {1, 2, 3});
            assertThat(ws.read()).satisfies(f -> assertThat(f.payload()).containsExactly(1, 2, 3));
        }
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "sip", false)) {
            assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("upgrade");
        }
    }

    @Test
    void aFrameSentOneByteAtATimeIsAnswered() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "ng.rtpengine.com", false)) {
            ws.socket().setTcpNoDelay(true);
            for (byte b : RawWebSocket.frame(RawWebSocket.TEXT, ngMessage("slow", dict("command", "ping")))) {
                ws.write(new byte[] {b});
            }
            assertThat(ngReply(ws.read(), "slow")).isEqualTo(Map.of("result", "pong"));
        }
    }

    @Test
    void aTenMegabyteMessageClosesTheWebSocketAndATenMegabyteBodyIsRefused() throws Exception {
        byte[] huge = new byte[10 << 20];
        Arrays.fill(huge, (byte) 'x');
        try (RawWebSocket ws = RawWebSocket.open(http.localAddress(), "ng.rtpengine.com", false)) {
            try {
                ws.send(RawWebSocket.BINARY, huge);
            } catch (java.io.IOException e) {
                // closed while still writing
            }
            assertThat(ws.closedByServer()).isTrue();
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.localAddress().getPort() + "/ng"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        survivor.assertRtpBothWays();
    }

    @Test
    void ngPlainOverHttpAndPingOverHttps() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> json = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.localAddress().getPort()
                + "/ng-plain")).POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"ping\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"result\":\"pong\"}");
        assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
        // HTTPS: a TLS socket that trusts the test certificate's key
        try (RawWebSocket tls = RawWebSocket.open(https.localAddress(), null, true)) {
            // no Upgrade was granted without a subprotocol, but the TLS session and HTTP parsing work
            assertThat(tls.handshakeResponse).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void anIdleHttpConnectionIsClosedButAnIdleWebSocketStays() throws Exception {
        try (java.net.Socket idle = new java.net.Socket("127.0.0.1", http.localAddress().getPort());
             RawWebSocket ws = RawWebSocket.open(http.localAddress(), "ng.rtpengine.com", false)) {
            idle.setSoTimeout(5000);
            idle.getOutputStream().write("GET /pi".getBytes(StandardCharsets.US_ASCII));
            // the server's idle limit here is 1 s
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            Thread.sleep(1500);
            ws.send(RawWebSocket.TEXT, ngMessage("late", dict("command", "ping")));
            assertThat(ngReply(ws.read(), "late")).isEqualTo(Map.of("result", "pong"));
        }
    }
}

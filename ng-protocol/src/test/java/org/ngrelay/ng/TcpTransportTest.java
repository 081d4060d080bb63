package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgTcpClient;
import org.ngrelay.ng.testing.TwoPartyCall;
import org.ngrelay.ng.transport.NgTcpServer;

/**
 * {@code --listen-tcp-ng}: the same dispatcher as UDP behind rtpengine's stream framing. Replies
 * equal UDP's; messages split anywhere or packed together are read; a message that is too large,
 * malformed or left half-sent closes only its own connection; a client that never reads does not
 * hold anyone else; a call set up before keeps relaying throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TcpTransportTest {

    private InProcessRelay relay;
    private NgTcpServer tcp;
    private InetSocketAddress tcpAddress;
    private NgClient udp;
    private TwoPartyCall survivor;

    @BeforeAll
    void setUp() throws InterruptedException {
        relay = InProcessRelay.withPorts(25000, 25199);
        tcp = new NgTcpServer(relay.processor(), List.of(new InetSocketAddress("127.0.0.1", 0)), 0, 1);
        tcpAddress = tcp.localAddresses().get(0);
        udp = relay.client();
        survivor = TwoPartyCall.establish(udp, "tcp-survivor");
    }

    @AfterAll
    void tearDown() {
        survivor.assertRtpBothWays();
        survivor.close();
        udp.close();
        tcp.close();
        relay.close();
    }

    /** Ports and the o= version differ between two calls; everything else must not. */
    private static String masked(Object sdp) {
        return ((String) sdp).replaceAll("m=audio \\d+", "m=audio P").replaceAll("a=rtcp:\\d+", "a=rtcp:P");
    }

    @Test
    void pingOfferAnswerDeleteAnswerAsOverUdp() {
        try (NgTcpClient client = new NgTcpClient(tcpAddress)) {
            assertThat(client.request(dict("command", "ping"))).isEqualTo(udp.request(dict("command", "ping")));
            List<Map<String, Object>> overTcp = new ArrayList<>();
            List<Map<String, Object>> overUdp = new ArrayList<>();
            for (String transport : new String[] {"tcp", "udp"}) {
                String callId = "tcp-same-" + transport;
                List<Map<String, Object>> replies = transport.equals("tcp") ? overTcp : overUdp;
                java.util.function.Function<Map<String, Object>, Map<String, Object>> send =
                        transport.equals("tcp") ? client::request : udp::request;
                replies.add(send.apply(dict("command", "offer", "call-id", callId, "from-tag", "a",
                        "sdp", Sdps.audio("a", "127.0.0.1", 24000, 24001))));
                replies.add(send.apply(dict("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b",
                        "sdp", Sdps.audio("b", "127.0.0.1", 24002, 24003))));
                replies.add(send.apply(dict("command", "delete", "call-id", callId, "from-tag", "a")));
            }
            for (int i = 0; i < 2; i++) {
                assertThat(overTcp.get(i)).containsEntry("result", "ok");
                assertThat(masked(overTcp.get(i).get("sdp"))).isEqualTo(masked(overUdp.get(i).get("sdp")));
                assertThat(overTcp.get(i).keySet()).isEqualTo(overUdp.get(i).keySet());
            }
            assertThat(overTcp.get(2).get("result")).isEqualTo("ok");
            assertThat(overTcp.get(2).keySet()).isEqualTo(overUdp.get(2).keySet());
        }
    }

    @Test
    void browserAnd30KbOffersAreAnsweredWhole() throws IOException {
        String browser;
        try (InputStream in = getClass().getResourceAsStream("/sdp/browser-audio-video-offer.sdp")) {
            browser = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder big = new StringBuilder(Sdps.audio("big", "127.0.0.1", 24010, 24011));
        for (int i = 0; big.length() < 30 * 1024; i++) {
            big.append("a=x-filler-").append(i).append(':').append("z".repeat(100)).append("\r\n");
        }
        try (NgTcpClient client = new NgTcpClient(tcpAddress)) {
            Map<String, Object> reply = client.request(dict("command", "offer", "call-id", "tcp-browser", "from-tag", "b",
                    "sdp", browser, "ICE", "remove"));
            assertThat(reply).containsEntry("result", "ok");
            assertThat((String) reply.get("sdp")).contains("m=audio", "m=video");
            Map<String, Object> bigReply = client.request(dict("command", "offer", "call-id", "tcp-30k", "from-tag", "b",
                    "sdp", big.toString()));
            assertThat(bigReply).containsEntry("result", "ok");
            assertThat((String) bigReply.get("sdp")).hasSizeGreaterThan(30 * 1024).contains("a=x-filler-250:");
        }
    }

    @Test
    void messagesSplitIntoSingleBytesOrPackedTogetherAreRead() throws IOException {
        try (NgTcpClient client = new NgTcpClient(tcpAddress)) {
            byte[] one = NgTcpClient.message("split-1", dict("command", "ping"));
            for (byte b : one) {
                client.send(new byte[] {b});
            }
            assertThat(client.read()).isEqualTo(new NgTcpClient.Reply("split-1", Map.of("result", "pong")));
            byte[] a = NgTcpClient.message("packed-a", dict("command", "ping"));
            byte[] b = NgTcpClient.message("packed-b", dict("command", "list"));
            byte[] both = new byte[a.length + b.length + 2];
            System.arraycopy(a, 0, both, 0, a.length);
            both[a.length] = '\r';
            both[a.length + 1] = '\n';
            System.arraycopy(b, 0, both, a.length + 2, b.length);
            client.send(both);
            List<String> cookies = List.of(client.read().cookie(), client.read().cookie());
            assertThat(cookies).containsExactlyInAnyOrder("packed-a", "packed-b");
        }
    }

    @Test
    void aTenMegabyteMessageClosesItsConnectionOnly() {
        try (NgTcpClient big = new NgTcpClient(tcpAddress); NgTcpClient other = new NgTcpClient(tcpAddress)) {
            byte[] head = "huge d3:sdp10485760:".getBytes(StandardCharsets.ISO_8859_1);
            big.send(head);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                for (int sent = 0; sent < 10 << 20; sent += chunk.length) {
                    big.send(chunk);
                }
            } catch (java.io.UncheckedIOException e) {
                // the server closed the connection while we were still writing: what we expect
            }
            assertThat(big.closedByServer()).isTrue();
            assertThat(other.request(dict("command", "ping"))).containsEntry("result", "pong");
        }
        survivor.assertRtpBothWays();
    }

    @Test
    void garbageClosesTheConnection() {
        try (NgTcpClient client = new NgTcpClient(tcpAddress)) {
            client.send("cookie xyz not bencode\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(client.closedByServer()).isTrue();
        }
        try (NgTcpClient client = new NgTcpClient(tcpAddress)) {
            assertThat(client.request(dict("command", "ping"))).containsEntry("result", "pong");
        }
    }

    @Test
    void aHalfSentMessageTimesOutButAnIdleConnectionStays() throws InterruptedException {
        try (NgTcpClient half = new NgTcpClient(tcpAddress); NgTcpClient idle = new NgTcpClient(tcpAddress)) {
            half.send("half d7:command4:pi".getBytes(StandardCharsets.ISO_8859_1));
            // the server's timeout here is 1 s; the client waits up to 5 s for the close
            assertThat(half.closedByServer()).isTrue();
            Thread.sleep(1500);
            assertThat(idle.request(dict("command", "ping"))).containsEntry("result", "pong");
        }
    }

    @Test
    void aClientThatNeverReadsHoldsNoOneElse() throws IOException {
        try (NgTcpClient deaf = new NgTcpClient(tcpAddress); NgTcpClient other = new NgTcpClient(tcpAddress)) {
            deaf.socket().setReceiveBufferSize(4096);
            byte[] listRequest = NgTcpClient.message("deaf", dict("command", "statistics"));
            // statistics replies are ~2 KB each: 3000 of them fill the socket buffers and the server's queue
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 3000; i++) {
                        deaf.send(listRequest);
                    }
                } catch (RuntimeException e) {
                    // closed at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            for (int i = 0; i < 20; i++) {
                assertThat(other.request(dict("command", "ping"))).containsEntry("result", "pong");
            }
            survivor.assertRtpBothWays();
        }
    }
}

package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.cli.http.HttpServer;
import org.ngrelay.cli.http.Metrics;
import org.ngrelay.ng.testing.CorpusTally;
import org.ngrelay.ng.testing.LiveComparison;
import org.ngrelay.ng.testing.NgTransport;
import org.ngrelay.ng.testing.RtpengineProcess;

/**
 * A subset of the golden corpus (every seventh case and the large offers) played over WebSocket
 * ({@code ng.rtpengine.com} on {@code --listen-http}) against a live rtpengine 10.5 and ngrelay:
 * the transport must not change a reply.
 */
@Tag("slow")
@Timeout(300)
class WebSocketDifferentialTest {

    @TempDir
    Path work;

    @Test
    void aSubsetOverWebSocketAnswersAsOverUdp() throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        CorpusTally tally = LiveComparison.subset(work, 3, 8000, port -> "--listen-http=127.0.0.1:" + port, relay -> {
            Metrics metrics = new Metrics(relay.commands());
            HttpServer http = new HttpServer(metrics, relay.processor(), new ControlCli(relay.commands(), Logging.control()),
                    new InetSocketAddress("127.0.0.1", 0), null, 1, HttpServer.IDLE_SECONDS);
            WebSocketNgClient client = new WebSocketNgClient(http.localAddress());
            return new NgTransport() {
                @Override
                public Map<String, Object> request(Map<String, Object> dict) {
                    return client.request(dict);
                }

                @Override
                public void close() {
                    client.close();
                    http.close();
                    metrics.close();
                }
            };
        }, port -> new WebSocketNgClient(new InetSocketAddress("127.0.0.1", port)));
        System.out.println("differential over WebSocket: " + tally.summary("sequences"));
        assertThat(tally.total()).as("cases run over WebSocket").isGreaterThan(20);
        assertThat(tally.failures()).as("differences over WebSocket from a live rtpengine 10.5 that are not documented").isEmpty();
    }
}

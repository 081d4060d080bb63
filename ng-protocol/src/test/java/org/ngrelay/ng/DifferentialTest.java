package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.ng.testing.CorpusTally;
import org.ngrelay.ng.testing.GoldenCases;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.LiveComparison;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.NgTcpClient;
import org.ngrelay.ng.testing.NgTransport;
import org.ngrelay.ng.testing.NgReplyComparator;
import org.ngrelay.ng.testing.RtpengineProcess;
import org.ngrelay.ng.transport.NgTcpServer;

/**
 * The corpus run against the real rtpengine 10.5 and ngrelay in the same run, step by step side by
 * side: what rtpengine answers now is the reference (the recorded replies serve
 * {@link GoldenReplayTest}). Differences must be listed in {@code known-differences.json}.
 * Needs Debian's rtpengine-daemon ({@code .ci/run} installs it); without it the test is skipped
 * locally and fails under CI.
 */
@Tag("slow")
@Timeout(600)
class DifferentialTest {

    @TempDir
    Path work;

    @Test
    void ngrelayAnswersTheCorpusLikeALiveRtpengine() throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        Map<List<String>, RtpengineProcess> daemons = new HashMap<>();
        CorpusTally tally = new CorpusTally();
        int base = 14000; // three daemons, 2000 ports each, below the ephemeral range
        try {
            List<GoldenCases.Case> cases = GoldenCases.all();
            for (GoldenCases.Case c : cases) {
                RtpengineProcess rtpengine = daemons.get(c.interfaces());
                if (rtpengine == null) {
                    rtpengine = RtpengineProcess.start(c.interfaces(), base, base + 1999, work);
                    base += 2000;
                    daemons.put(c.interfaces(), rtpengine);
                }
                tally.record(c, compareLive(c, rtpengine));
            }
            System.out.println("differential: " + tally.summary("sequences"));
        } finally {
            daemons.values().forEach(RtpengineProcess::close);
        }
        assertThat(tally.failures()).as("differences from a live rtpengine 10.5 that are not documented").isEmpty();
    }

    /**
     * Every seventh case (and the large offers) over ng's TCP transport on both sides: the stream
     * framing must not change a reply.
     */
    @Test
    void aSubsetOverTcpAnswersAsOverUdp() throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        CorpusTally tally = LiveComparison.subset(work, 0, 8000, port -> "--listen-tcp-ng=127.0.0.1:" + port, relay -> {
            NgTcpServer tcp = new NgTcpServer(relay.processor(), List.of(new InetSocketAddress("127.0.0.1", 0)), 0);
            NgTcpClient client = new NgTcpClient(tcp.localAddresses().get(0));
            return new NgTransport() {
                @Override
                public Map<String, Object> request(Map<String, Object> dict) {
                    return client.request(dict);
                }

                @Override
                public void close() {
                    client.close();
                    tcp.close();
                }
            };
        }, port -> new NgTcpClient(new InetSocketAddress("127.0.0.1", port)));
        System.out.println("differential over TCP: " + tally.summary("sequences"));
        assertThat(tally.total()).as("cases run over TCP").isGreaterThan(20);
        assertThat(tally.failures()).as("differences over TCP from a live rtpengine 10.5 that are not documented").isEmpty();
    }

    private static List<String> compareLive(GoldenCases.Case c, RtpengineProcess rtpengine) throws Exception {
        return LiveComparison.compare(c, InProcessRelay::client, () -> new NgClient(rtpengine.ngAddress()));
    }
}

package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.testing.ExternalTool;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/** kill -9 in the middle of a recorded call: what was recorded up to the last flush is readable. */
@Tag("slow")
@Timeout(90)
class RecordingCrashIT {

    @TempDir
    Path dir;

    @Test
    void pcapSurvivesKillMinus9() throws Exception {
        File tshark = new File(ExternalTool.require("tshark", "tshark"));
        int ngPort = UdpPeer.freePort();
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Process daemon = new ProcessBuilder("java", "-jar", new File("target/ngrelay.jar").getAbsolutePath(), "--config-file=none",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort, "--port-min=22600", "--port-max=22699",
                "--recording-dir=" + rec).redirectErrorStream(true).redirectOutput(dir.resolve("ngrelay.log").toFile()).start();
        try (NgClient ng = new NgClient(new InetSocketAddress("127.0.0.1", ngPort))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && ng.raw(NgClient.newCookie(), NgClient.encode(dict("command", "ping"))) == null) {
                assertThat(daemon.isAlive()).isTrue();
            }
            try (TwoPartyCall call = TwoPartyCall.establish(ng, "crash")) {
                Map<String, Object> started = ng.request(dict("command", "start recording", "call-id", "crash"));
                assertThat(started).containsEntry("result", "ok");
                for (int i = 0; i < 40; i++) {
                    call.assertRtpBothWays();
                }
                Map<String, Object> query = ng.request(dict("command", "query", "call-id", "crash"));
                @SuppressWarnings("unchecked")
                Map<String, Object> recording = (Map<String, Object>) ((List<Object>) query.get("recordings")).get(0);
                Path pcap = Path.of((String) recording.get("file"));
                // flushed at least once a second
                Thread.sleep(1500);
                daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).isTrue();

                Process read = new ProcessBuilder(tshark.getPath(), "-r", pcap.toString(), "-d",
                        "udp.port==" + call.relayForCaller.getPort() + ",rtp", "-d", "udp.port==" + call.relayForCallee.getPort() + ",rtp",
                        "-Y", "rtp", "-T", "fields", "-e", "rtp.seq").redirectError(ProcessBuilder.Redirect.DISCARD).start();
                List<String> packets = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertThat(read.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(read.exitValue()).as("tshark reads the file of a killed daemon").isZero();
                assertThat(packets).as("every packet received before the last flush").hasSize(80);
            }
        } finally {
            daemon.destroyForcibly();
        }
    }
}

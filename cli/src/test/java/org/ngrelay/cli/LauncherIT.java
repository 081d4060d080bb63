package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.core.testing.UdpPeer;

/** bin/ngrelay as an operator runs it: a separate process answering on its ng socket. */
@Timeout(60)
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void launcherStartsTheDaemonWhichAnswersAndStopsOnSigterm() throws Exception {
        int ngPort = UdpPeer.freePort();
        Path log = dir.resolve("ngrelay.log");
        Path pidfile = dir.resolve("ngrelay.pid");
        Process p = new ProcessBuilder(new File("../bin/ngrelay").getAbsolutePath(), "--config-file=none",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort, "--port-min=22500", "--port-max=22599",
                "--pidfile=" + pidfile, "--log-stderr")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (NgClient ng = new NgClient(new InetSocketAddress("127.0.0.1", ngPort))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, Object> pong = null;
            while (pong == null && System.nanoTime() < deadline && p.isAlive()) {
                byte[] reply = ng.raw(NgClient.newCookie(), NgClient.encode(dict("command", "ping")));
                pong = reply == null ? null : NgClient.decode(reply);
            }
            assertThat(pong).as("ping answered; log:\n%s", Files.exists(log) ? Files.readString(log) : "").containsEntry("result", "pong");
            assertThat(Files.readString(pidfile).trim()).isEqualTo(Long.toString(p.pid()));
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).contains("Startup complete").contains("Shutting down").contains("Stopped");
        assertThat(pidfile).doesNotExist();
    }
}

package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;
import org.ngrelay.core.testing.UdpPeer;

/** The daemon started from a config file plus command-line options, driven over its ng socket. */
@Timeout(30)
class DaemonCommandTest {

    @TempDir
    Path dir;

    @Test
    void startsFromConfigAndServesCalls() throws Exception {
        int ngPort = UdpPeer.freePort();
        Path conf = dir.resolve("ngrelay.conf");
        Files.writeString(conf, "[ngrelay-test]\ninterface = 127.0.0.1\nport-min = 22400\nport-max = 22499\n"
                + "listen-ng = 127.0.0.1:" + ngPort + "\ndelete-delay = 0\nnum-threads = 1\n");
        Path pidfile = dir.resolve("ngrelay.pid");
        DaemonCommand daemon = new DaemonCommand();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<Integer> exit = runner.submit(() -> NgRelayMain.run(daemon, new String[] {
            "--config-file=" + conf, "--config-section=ngrelay-test", "--pidfile=" + pidfile,
            "--table=-1", "--no-fallback", "--foreground", "--log-stderr", "--log-level=4"}));
        try {
            assertThat(daemon.started.await(10, TimeUnit.SECONDS)).as("daemon started").isTrue();
            assertThat(Files.readString(pidfile).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            try (NgClient ng = new NgClient(new InetSocketAddress("127.0.0.1", ngPort));
                 TwoPartyCall call = TwoPartyCall.establish(ng, "daemon-call")) {
                assertThat(ng.request(dict("command", "ping"))).containsEntry("result", "pong");
                assertThat(Sdps.audioPort(call.offerSdp)).isBetween(22400, 22499);
                call.assertRtpBothWays();
                assertThat(ng.request(dict("command", "delete", "call-id", "daemon-call"))).containsEntry("result", "ok");
                assertThat(ng.request(dict("command", "list"))).containsEntry("calls", java.util.List.of());
            }
        } finally {
            daemon.shutdown();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            runner.shutdown();
        }
        assertThat(pidfile).doesNotExist();
    }

    @Test
    void badOptionsFailWithAMessage() {
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=" + dir.resolve("missing.conf")})).isEqualTo(2);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--no-such-option"})).isEqualTo(2);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--interface=not-an-ip"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--recording-method=proc"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--max-sessions=-2"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--log-facility=nowhere"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--listen-cli=127.0.0.1:notaport"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none",
            "--recording-dir=" + dir.resolve("missing")})).as("the recording dir must exist").isEqualTo(1);
    }
}

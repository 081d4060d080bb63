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
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--dtls-cert-cipher=DSA"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--dtls-signature=MD5"})).isEqualTo(1);
        assertThat(NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--dtls-mtu=10"})).isEqualTo(1);
    }

    /** The --dtls-* options reach the calls: an RSA certificate, SHA-1 signed, the passive role towards a DTLS offerer. */
    @Test
    void dtlsOptionsShapeTheAnswerToADtlsOfferer() throws Exception {
        int ngPort = UdpPeer.freePort();
        DaemonCommand daemon = new DaemonCommand();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<Integer> exit = runner.submit(() -> NgRelayMain.run(daemon, new String[] {
            "--config-file=none", "--interface=127.0.0.1", "--port-min=22400", "--port-max=22449", "--listen-ng=127.0.0.1:" + ngPort,
            "--num-threads=1", "--foreground", "--log-stderr", "--log-level=4", "--dtls-cert-cipher=RSA", "--dtls-rsa-key-size=2048",
            "--dtls-signature=SHA-1", "--dtls-passive", "--dtls-mtu=1400", "--dtls-ciphers=DEFAULT:ECDHE-RSA-AES128-GCM-SHA256"}));
        try {
            assertThat(daemon.started.await(20, TimeUnit.SECONDS)).as("daemon started").isTrue();
            try (NgClient ng = new NgClient(new InetSocketAddress("127.0.0.1", ngPort))) {
                String offer = Sdps.audio("a", "127.0.0.1", 5000, 5001).replace("RTP/AVP", "UDP/TLS/RTP/SAVP")
                        + "a=setup:actpass\r\na=fingerprint:sha-256 " + "AB:".repeat(31) + "AB\r\n";
                assertThat(ng.request(dict("command", "offer", "call-id", "dtls-opts", "from-tag", "a", "transport-protocol", "RTP/AVP",
                        "sdp", offer))).containsEntry("result", "ok");
                Object answer = ng.request(dict("command", "answer", "call-id", "dtls-opts", "from-tag", "a", "to-tag", "b",
                        "DTLS-fingerprint", "SHA-1", "sdp", Sdps.audio("b", "127.0.0.1", 5002, 5003))).get("sdp");
                assertThat((String) answer).contains("UDP/TLS/RTP/SAVP", "a=setup:passive\r\n")
                        .containsPattern("a=fingerprint:sha-1 ([0-9A-F]{2}:){19}[0-9A-F]{2}\r\n");
            }
        } finally {
            daemon.shutdown();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            runner.shutdown();
        }
    }
}

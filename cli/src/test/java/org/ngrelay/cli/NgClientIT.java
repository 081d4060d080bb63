package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.testing.DaemonProcess;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.codec.Json;

/**
 * {@code bin/ngrelay ng ...}, the ng client, run as a process against the packaged daemon: the
 * happy path, SDP from a file and from stdin, JSON in and out, error exit codes with the reason
 * on stderr, the load limit, and retransmission with the same cookie.
 */
@Timeout(120)
class NgClientIT {

    @TempDir
    static Path dir;
    private static DaemonProcess daemon;

    @BeforeAll
    static void start() throws IOException {
        daemon = new DaemonProcess(dir, 21100, 21199, "--max-sessions=2");
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    /** What a run printed and how it ended. */
    record Run(int exit, String out, String err) {
    }

    @Test
    void pingAnswersPong() throws Exception {
        Run r = ng(null, "ping", "--ng", "127.0.0.1:" + daemon.ngPort);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("result: pong\n");
    }

    @Test
    void offerFromAFileAndAnswerFromStdinPrintTheSdpLineByLine() throws Exception {
        Path offer = dir.resolve("offer.sdp");
        Files.writeString(offer, Sdps.audio("caller", "127.0.0.1", 4000, 4001));
        Run o = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "cli-1", "--from-tag", "a",
                "--sdp-file", offer.toString(), "--flag", "trust-address", "--list", "replace=origin", "--list", "supports=load limit");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("result: ok\nsdp:\n  v=0\n").containsPattern("(?m)^  m=audio 21[01]\\d\\d RTP/AVP 0 8 101$")
                .contains("\n  c=IN IP4 127.0.0.1\n");

        Run a = ng(Sdps.audio("callee", "127.0.0.1", 4002, 4003), "answer", "--ng", "127.0.0.1:" + daemon.ngPort,
                "--call-id", "cli-1", "--from-tag", "a", "--to-tag", "b", "--sdp-file", "-");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).startsWith("result: ok\nsdp:\n");

        Run q = ng(null, "query", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "cli-1", "--json");
        assertThat(q.exit()).isZero();
        Map<String, Object> reply = Json.parseObject(q.out().strip());
        assertThat(reply).containsEntry("result", "ok").containsKeys("tags", "totals", "created");
        @SuppressWarnings("unchecked")
        Map<String, Object> tags = (Map<String, Object>) reply.get("tags");
        assertThat(tags).containsKeys("a", "b");

        Run d = ng(null, "delete", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "cli-1", "--key-json", "delete-delay=0");
        assertThat(d.exit()).isZero();
    }

    @Test
    void aJsonRequestFromStdinWithCommandsOfSeveralWords() throws Exception {
        Run r = ng("{\"command\": \"list\", \"limit\": 5}", "--ng", "127.0.0.1:" + daemon.ngPort, "--json-input", "-", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.parseObject(r.out().strip())).containsEntry("result", "ok").containsKey("calls");
        Run s = ng(null, "start", "recording", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "nobody");
        assertThat(s.exit()).isEqualTo(1);
        assertThat(s.err()).isEqualTo("ngrelay ng: error: Unknown call-id\n");
    }

    @Test
    void anErrorExitsNonZeroWithTheReasonOnStderr() throws Exception {
        Run r = ng(null, "query", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "no-such-call");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ngrelay ng: error: Unknown call-id\n");
        assertThat(r.out()).isEqualTo("result: error\nerror-reason: Unknown call-id\n");
        Run json = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "x", "--json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(Json.parseObject(json.out().strip())).containsEntry("result", "error").containsEntry("error-reason", "No from-tag in message");
        Run usage = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--key", "novalue");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--key novalue: expected KEY=VALUE");
        // the daemon logged those bad requests as one line each, with the call-id, and no stack trace
        assertThat(daemon.log()).contains("INFO: [no-such-call]: [control] ng request").contains("INFO: [x]: [control] ng request")
                .doesNotContain("\tat org.ngrelay");
    }

    @Test
    void aNewCallBeyondMaxSessionsGetsLoadLimit() throws Exception {
        for (String id : new String[] {"full-1", "full-2"}) {
            Run ok = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", id, "--from-tag", "a",
                    "--sdp", Sdps.audio("a", "127.0.0.1", 4000, 4001));
            assertThat(ok.exit()).as(ok.err()).isZero();
        }
        Run refused = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "full-3", "--from-tag", "a",
                "--sdp", Sdps.audio("a", "127.0.0.1", 4000, 4001), "--list", "supports=load limit", "--json");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(Json.parseObject(refused.out().strip())).containsEntry("result", "load limit")
                .containsEntry("message", "Parallel session limit reached");
        assertThat(refused.err()).isEqualTo("ngrelay ng: load limit: Parallel session limit reached\n");
        Run plain = ng(null, "offer", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", "full-3", "--from-tag", "a",
                "--sdp", Sdps.audio("a", "127.0.0.1", 4000, 4001));
        assertThat(plain.err()).isEqualTo("ngrelay ng: error: Parallel session limit reached\n");
        for (String id : new String[] {"full-1", "full-2"}) {
            assertThat(ng(null, "delete", "--ng", "127.0.0.1:" + daemon.ngPort, "--call-id", id).exit()).isZero();
        }
    }

    @Test
    void retransmitsWithTheSameCookieUntilAnswered() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            fake.setSoTimeout(20_000);
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
                List<String> datagrams = new ArrayList<>();
                try {
                    byte[] buf = new byte[65535];
                    for (int i = 0; i < 2; i++) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        fake.receive(p);
                        String d = new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
                        datagrams.add(d);
                        if (i == 1) { // answer only the second copy, as after a lost reply
                            String cookie = d.substring(0, d.indexOf(' '));
                            byte[] reply = (cookie + " d6:result4:ponge").getBytes(StandardCharsets.ISO_8859_1);
                            fake.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return datagrams;
            });
            Run r = ng(null, "ping", "--ng", "127.0.0.1:" + fake.getLocalPort(), "--timeout", "300", "--retries", "2");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("result: pong\n");
            List<String> datagrams = seen.get(20, TimeUnit.SECONDS);
            assertThat(datagrams).hasSize(2);
            assertThat(datagrams.get(1)).as("the same cookie and body").isEqualTo(datagrams.get(0));
            assertThat(datagrams.get(0)).matches("[0-9a-f]{16} d7:command4:pinge");
        }
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Run r = ng(null, "ping", "--ng", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "100", "--retries", "1");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("no reply from 127.0.0.1:" + silent.getLocalPort() + " after 2 tries of 100 ms");
        }
    }

    @Test
    void helpShowsExamples() throws Exception {
        Run r = ng(null, "--help");
        assertThat(r.exit()).isZero();
        Matcher m = Pattern.compile("(?m)^  ngrelay ng (\\w+)").matcher(r.out());
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(r.out()).startsWith("Usage: ngrelay ng ").contains("--call-id", "--sdp-file", "--json", "--timeout", "--retries");
        assertThat(examples).contains("ping", "offer", "answer", "query", "delete");
    }

    /** {@code bin/ngrelay ng ARGS...}, with {@code stdin} (or nothing) as standard input. */
    private static Run ng(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(new File("../bin/ngrelay").getAbsolutePath(), "ng"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
        String out = read(p, false);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ngrelay ng finished").isTrue();
        return new Run(p.exitValue(), out, err.join());
    }

    private static String read(Process p, boolean err) {
        try {
            return new String((err ? p.getErrorStream() : p.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

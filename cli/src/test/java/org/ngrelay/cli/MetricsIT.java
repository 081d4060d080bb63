package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.testing.DaemonProcess;
import org.ngrelay.cli.testing.ExternalTool;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.RtcpScenario;
import org.ngrelay.ng.testing.RtpengineProcess;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * {@code --listen-http}'s {@code /metrics} checked by the tools an operator's monitoring uses:
 * Debian's {@code promtool check metrics} (no lint problem at all), a real Prometheus server
 * scraping ngrelay on loopback, and rtpengine 10.5's own {@code /metrics} for names, labels and
 * HELP texts.
 */
@Tag("slow")
@Timeout(240)
class MetricsIT {

    /** The families the operations issue names, each of which must have HELP and TYPE. */
    private static final List<String> FAMILIES = List.of("rtpengine_sessions", "rtpengine_sessions_total",
            "rtpengine_closed_sessions_total", "rtpengine_mediastreams", "rtpengine_packets_total", "rtpengine_bytes_total",
            "rtpengine_packet_errors_total", "rtpengine_uptime_seconds", "rtpengine_requests_total",
            "rtpengine_request_seconds_total", "rtpengine_errors_total", "rtpengine_ports_used", "rtpengine_ports_free",
            "ngrelay_recording_files_total", "ngrelay_recording_packets_total", "ngrelay_recording_dropped_packets_total",
            "rtpengine_mos_total", "rtpengine_mos2_total", "rtpengine_mos_samples_total", "rtpengine_jitter_total",
            "rtpengine_rtt_e2e_samples_total", "rtpengine_rtt_dsct_total", "rtpengine_packetloss2_total",
            "ngrelay_srtp_auth_failures_total", "ngrelay_srtp_replays_total",
            "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    private static final Pattern HELP = Pattern.compile("(?m)^# HELP (\\S+) (.*)$");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void promtoolFindsNoProblemAndTheFiguresAreThere() throws Exception {
        String promtool = ExternalTool.require("promtool", "prometheus");
        Path rec = Files.createDirectories(dir.resolve("rec"));
        try (DaemonProcess daemon = new DaemonProcess(dir, 20600, 20699, "--recording-dir=" + rec);
             NgClient ng = daemon.ngClient();
             TwoPartyCall call = TwoPartyCall.establish(ng, "metrics-1")) {
            assertThat(ng.request(dict("command", "start recording", "call-id", "metrics-1"))).containsEntry("result", "ok");
            for (int i = 0; i < 10; i++) {
                call.assertRtpBothWays();
            }
            assertThat(ng.request(dict("command", "query", "call-id", "no-such-call"))).containsEntry("result", "error");

            HttpResponse<String> response = get(daemon.httpPort, "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            String text = response.body();
            for (String family : FAMILIES) {
                assertThat(text).as(family).containsPattern("(?m)^# HELP " + family + " \\S")
                        .containsPattern("(?m)^# TYPE " + family + " (gauge|counter|untyped)$");
            }
            assertThat(text).contains("rtpengine_sessions{type=\"own\"} 1.0\n", "rtpengine_sessions{type=\"foreign\"} 0.0\n",
                    "rtpengine_packets_total{type=\"userspace\"} 20.0\n", "rtpengine_bytes_total{type=\"userspace\"} 3440.0\n",
                    "rtpengine_ports_used{address=\"127.0.0.1\",name=\"default\"} 4.0\n",
                    "rtpengine_ports_free{address=\"127.0.0.1\",name=\"default\"} 96.0\n",
                    "rtpengine_requests_total{proxy=\"127.0.0.1\",request=\"offer\"} 1.0\n",
                    "rtpengine_requests_total{proxy=\"127.0.0.1\",request=\"start recording\"} 1.0\n",
                    "rtpengine_errors_total{proxy=\"127.0.0.1\"} 1.0\n", "rtpengine_closed_sessions_total{reason=\"timeout\"} 0.0\n",
                    "ngrelay_recording_files_total 1.0\n");
            // the recording writer flushes once a second: its packets show up within a few seconds
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    get(daemon.httpPort, "/metrics").body().contains("ngrelay_recording_packets_total 20.0\n"));

            Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
            check.getOutputStream().write(get(daemon.httpPort, "/metrics").body().getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            String problems = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(problems).as("promtool check metrics").isEmpty();
            assertThat(check.exitValue()).as("promtool check metrics exit status; output:\n" + problems).isZero();

            assertThat(get(daemon.httpPort, "/ping").body()).isEqualTo("pong");
            assertThat(get(daemon.httpPort, "/cli/list+numsessions").body()).startsWith("Current sessions own: 1\n");
            assertThat(get(daemon.httpPort, "/cli/list%20maxsessions").body()).isEqualTo("Maximum sessions configured on rtpengine: -1\n");
            assertThat(get(daemon.httpPort, "/").statusCode()).isEqualTo(404);
            HttpResponse<byte[]> pong = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort + "/ng"))
                    .POST(HttpRequest.BodyPublishers.ofString("c1 d7:command4:pinge")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new String(pong.body(), StandardCharsets.ISO_8859_1)).isEqualTo("c1 d6:result4:ponge");
        }
    }

    /** After a call with RTCP (RtcpScenario: three MOS samples, 3.0, 3.6, 3.6), /metrics carries them. */
    @Test
    void rtcpQualityFamiliesCarryTheFigures() throws Exception {
        try (DaemonProcess daemon = new DaemonProcess(dir, 12700, 12799, "--mos=CQ");
             NgClient ng = daemon.ngClient()) {
            RtcpScenario.receiverReports(List.of(ng), "metrics-q");
            String text = get(daemon.httpPort, "/metrics").body();
            assertThat(text).contains("# HELP rtpengine_mos_total Sum of all MOS values sampled\n", "rtpengine_mos_total 10.2\n",
                    "rtpengine_mos2_total 34.92", "rtpengine_mos_samples_total 3.0\n", "rtpengine_jitter_samples_total 4.0\n",
                    "rtpengine_packetloss_total 26.0\n", "rtpengine_rtt_dsct_samples_total 4.0\n");
        }
    }

    @Test
    void prometheusScrapesNgrelayAndAnswersQueriesForRtpengineSessions() throws Exception {
        String prometheus = ExternalTool.require("prometheus", "prometheus");
        try (DaemonProcess daemon = new DaemonProcess(dir, 20700, 20799);
             NgClient ng = daemon.ngClient()) {
            int webPort = DaemonProcess.freeTcpPort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                    + "scrape_configs:\n  - job_name: ngrelay\n    static_configs:\n      - targets: ['127.0.0.1:" + daemon.httpPort + "']\n");
            Process server = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + webPort, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try (TwoPartyCall call = TwoPartyCall.establish(ng, "prom-1")) {
                call.assertRtpBothWays();
                String query = "/api/v1/query?query=" + URLEncoder.encode("rtpengine_sessions{job=\"ngrelay\",type=\"own\"}", StandardCharsets.UTF_8);
                Awaitility.await("Prometheus has scraped a sample with the call").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> get(webPort, query).body(), body -> body.contains("\"status\":\"success\"")
                                && body.contains("\"__name__\":\"rtpengine_sessions\"") && body.matches("(?s).*\"value\":\\[[0-9.]+,\"1\"\\].*"));
                String packets = "/api/v1/query?query=" + URLEncoder.encode("rtpengine_packets_total{type=\"userspace\"}", StandardCharsets.UTF_8);
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> get(webPort, packets).body(), body -> body.matches("(?s).*\"value\":\\[[0-9.]+,\"2\"\\].*"));
            } finally {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /**
     * Every family rtpengine 10.5 writes a HELP line for, ngrelay writes with the same name and
     * text; and promtool rejects rtpengine's output (families without HELP), not ngrelay's.
     */
    @Test
    void namesAndHelpTextsAreRtpengines() throws Exception {
        String promtool = ExternalTool.require("promtool", "prometheus");
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed");
        }
        int httpPort = DaemonProcess.freeTcpPort();
        String theirs;
        try (RtpengineProcess rtpengine = RtpengineProcess.start(List.of("127.0.0.1"), 20800, 20899, dir,
                List.of("--listen-http=127.0.0.1:" + httpPort));
             NgClient ng = new NgClient(rtpengine.ngAddress())) {
            assertThat(ng.request(dict("command", "ping"))).containsEntry("result", "pong"); // its request families appear
            theirs = get(httpPort, "/metrics").body();
        }
        String ours;
        try (DaemonProcess daemon = new DaemonProcess(dir, 20900, 20999)) {
            ours = get(daemon.httpPort, "/metrics").body();
        }
        Map<String, String> theirHelp = help(theirs);
        Map<String, String> ourHelp = help(ours);
        assertThat(theirHelp).containsKeys("rtpengine_mos_total", "rtpengine_mos2_total", "rtpengine_mos_samples_total")
                .hasSizeGreaterThanOrEqualTo(17);
        assertThat(ourHelp).containsAllEntriesOf(theirHelp);
        assertThat(series(ours)).containsAll(series(theirs));
        Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(theirs.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String problems = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(problems).as("rtpengine 10.5's own /metrics fails promtool").contains("no help text");
    }

    private static Map<String, String> help(String text) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = HELP.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** Series names with their label names (not values): {@code rtpengine_ports_used{address,name}}. */
    private static List<String> series(String text) {
        return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
            String name = l.split("[{ ]", 2)[0];
            int open = l.indexOf('{');
            if (open < 0 || open > l.indexOf(' ')) {
                return name;
            }
            String labels = l.substring(open + 1, l.indexOf('}'));
            List<String> keys = new java.util.ArrayList<>();
            for (String kv : labels.split(",")) {
                keys.add(kv.substring(0, kv.indexOf('=')));
            }
            java.util.Collections.sort(keys);
            return name + "{" + String.join(",", keys) + "}";
        }).distinct().toList();
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

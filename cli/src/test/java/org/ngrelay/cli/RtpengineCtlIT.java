package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.testing.DaemonProcess;
import org.ngrelay.cli.testing.ExternalTool;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.RtpengineProcess;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * Debian's real {@code rtpengine-ctl} (package rtpengine-utils) against the packaged daemon, for
 * every command an operator uses: list numsessions, list sessions all|ID, list totals, list
 * maxsessions, set maxsessions, set loglevel, terminate ID|all, and every runtime setting (list, set,
 * list again: timeouts, delete-delay, load/CPU/bandwidth limits, control-tos, open files), list
 * interfaces|transcoders|counters, params diff|revert, active, standby. The same session is then played
 * against a real rtpengine 10.5 and both outputs are compared line by line, with only ports,
 * times and durations masked (and the differences docs/compatibility.md lists).
 */
@Tag("slow")
@Timeout(180)
class RtpengineCtlIT {

    @TempDir
    Path dir;

    @Test
    void everyCommandAnswersAsAnOperatorExpects() throws Exception {
        String ctl = ExternalTool.require("rtpengine-ctl", "rtpengine-utils");
        try (DaemonProcess daemon = new DaemonProcess(dir, 27200, 27239)) {
            Map<String, String> out = session(ctl, daemon.cliPort, daemon.ngAddress());
            assertThat(out.get("list numsessions (idle)")).startsWith("Current sessions own: 0\nCurrent sessions foreign: 0\n");
            assertThat(out.get("list sessions all (idle)")).isEqualTo("No sessions on this media relay.\n");
            assertThat(out.get("list numsessions")).contains("Current sessions own: 1\n", "Current sessions total: 1\n",
                    "Current sessions ipv4 only media: 1\n");
            assertThat(out.get("list sessions all")).matches(
                    "callid: {56}ctl-1 \\| deletionmark:  no \\| created:  \\d{10} \\| proxy:127\\.0\\.0\\.1:\\d+ \\| redis_keyspace:0 \\| foreign:no\n");
            assertThat(out.get("list sessions ctl-1"))
                    .contains("\ncallid: ctl-1\ndeletionmark: no\n")
                    .contains("--- Tag 'caller-tag', type: FROM_TAG, label '', branch '', callduration ")
                    .contains("---     subscribed to 'callee-tag'\n", "------ Media #1 (audio over RTP/AVP) using unknown codec\n")
                    .containsPattern("-------- Port       127\\.0\\.0\\.1:\\d{5} <>       127\\.0\\.0\\.1:\\d+, SSRC 11111111, 10 p, 1720 b, 0 e, \\d{10} ts\n")
                    .contains("--- Tag 'callee-tag', type: TO_TAG");
            assertThat(out.get("list totals")).contains(" Owned sessions                                  :1\n",
                    " Total relayed packets (userspace)               :20\n", " Total relayed bytes (userspace)                 :3440\n",
                    "Control statistics:", "            127.0.0.1 |");
            assertThat(out.get("list maxsessions")).isEqualTo("Maximum sessions configured on rtpengine: -1\n");
            assertThat(out.get("set maxsessions 1")).isEqualTo("Success setting maxsessions to 1\n");
            assertThat(out.get("list maxsessions (1)")).isEqualTo("Maximum sessions configured on rtpengine: 1\n");
            assertThat(out.get("offer beyond the limit")).isEqualTo("load limit");
            assertThat(out.get("set maxsessions 0")).isEqualTo("Success setting maxsessions to 0\n");
            assertThat(out.get("re-offer while draining")).isEqualTo("ok");
            assertThat(out.get("set maxsessions -1")).isEqualTo("Success setting maxsessions to -1; disable feature\n");
            assertThat(out.get("set maxsessions abc")).isEqualTo("Fail setting maxsessions to abc; no digists found\n");
            assertThat(out.get("set loglevel 7")).isEqualTo("Success setting loglevel to 7\n");
            assertThat(out.get("set loglevel 6")).isEqualTo("Success setting loglevel to 6\n");
            assertThat(out.get("terminate ctl-1")).isEqualTo("\nCall Id (ctl-1) successfully terminated by operator.\n\n");
            assertThat(out.get("query ctl-1 after terminate")).isEqualTo("Unknown call-id");
            assertThat(out.get("terminate ctl-1 (again)")).isEqualTo("\nCall Id not found (ctl-1).\n\n");
            assertThat(out.get("list numsessions (one left)")).startsWith("Current sessions own: 1\n");
            assertThat(out.get("terminate all")).isEqualTo("All calls terminated by operator.\n");
            assertThat(out.get("list sessions all (after)")).isEqualTo("No sessions on this media relay.\n");
            assertThat(out.get("list totals (after)")).contains(" Total managed sessions                          :2\n",
                    " Total forced terminated sessions                :2\n", " Total rejected sessions                         :1\n",
                    " Owned sessions                                  :0\n");
            assertThat(out.get("set timeout 100")).isEqualTo("Success setting timeout to 100\n");
            assertThat(out.get("list timeout (100)")).isEqualTo("TIMEOUT=100\n");
            assertThat(out.get("list maxbw (1000)")).isEqualTo("Maximum bandwidth configured on rtpengine: 100000\n");
            assertThat(out.get("list interfaces")).matches("Interface 'default' address '127\\.0\\.0\\.1' \\(IPv4\\)\n"
                    + " Port range: 27200 - 27239\n Ports used: +4 / +40 \\( 10\\.0%\\)\n Last port used: 272\\d\\d\n");
            assertThat(out.get("params diff")).isEqualTo("max-cpu: 0 => 9950\nmax-load: 0 => 5050\nmax-bw: 0 => 100000\n"
                    + "timeout: 60 => 100\nsilent-timeout: 3600 => 200\nfinal-timeout: 0 => 1000\n");
            assertThat(out.get("params diff (reverted)")).isEmpty();
            assertThat(out.get("list numsessions (standby)")).startsWith("Current sessions own: 0\nCurrent sessions foreign: 2\n");
            assertThat(out.get("list sessions own (standby)")).isEqualTo("No own sessions on this media relay.\n");
            assertThat(out.get("list sessions ctl-3 (standby)")).contains("\nforeign: yes\n");
            assertThat(out.get("list numsessions (re-offer while standby)")).as("signalling leaves a call foreign")
                    .startsWith("Current sessions own: 0\nCurrent sessions foreign: 2\n");
            assertThat(out.get("list sessions all (standby, own terminated)")).contains("ctl-3 |").contains("ctl-4 |");
            assertThat(out.get("list numsessions (active)")).startsWith("Current sessions own: 2\nCurrent sessions foreign: 0\n");
            assertThat(out.get("list sessions foreign (active)")).isEqualTo("No foreign sessions on this media relay.\n");
            // what 10.5 cannot show: it crashes on a valid set controltos, and can raise its open-files limit
            Ctl c = new Ctl(ctl, daemon.cliPort);
            assertThat(c.run("set controltos 184")).isEqualTo("Success setting control-tos to 184\n");
            assertThat(c.run("list controltos")).isEqualTo("184\n");
            // set loglevel 7 then 6 earlier: every subsystem is at 6 now, internals (off by default) too
            assertThat(c.run("params diff")).isEqualTo("log-level-internals: -1 => 6\ncontrol-tos: 0 => 184\n");
            // params start|current: 10.5's layout; the daemons' options differ (log level, --tos, threads), so not compared
            String start = c.run("params start");
            assertThat(start).startsWith("log-level-core = ").contains("\ntable = 0\nmax-sessions = -1\ntimeout = 60\nsilent-timeout = 3600\n"
                    + "final-timeout = 0\noffer-timeout = 3600\ndelete-delay = 0\nredis-expires = 86400\n")
                    .contains("\ncontrol-tos = 0\n", "\nport-min = 27200\nport-max = 27239\nredis = :0/-1\n", "\nmax-cpu = 0.0\nmax-load = 0.00\nmax-bandwidth = 0\n"
                            + "interface[0] = default\\127.0.0.1 \n", "\nlisten-ng = 127.0.0.1:" + daemon.ngPort + "\nlisten-ng = \nlisten-cli = 127.0.0.1:"
                            + daemon.cliPort + "\nlisten-cli = \n");
            assertThat(c.run("params current")).contains("\ncontrol-tos = 184\n", "\nredis-db = -1\n", "\nmax-bw = 0\n")
                    .doesNotContain("max-bandwidth");
            assertThat(c.run("set maxopenfiles 70000")).startsWith("Fail setting open_files to 70000; not supported by ngrelay");
            // set loglevel reached the daemon's logging: debug lines between 7 and 6 only
            assertThat(daemon.log()).contains("DEBUG: [control] CLI command: set loglevel 6").doesNotContain("DEBUG: [control] CLI command: set loglevel 7");
        }
    }

    @Test
    void printsWhatRtpengineItselfPrints() throws Exception {
        String ctl = ExternalTool.require("rtpengine-ctl", "rtpengine-utils");
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed");
        }
        Map<String, String> ours;
        try (DaemonProcess daemon = new DaemonProcess(dir, 27200, 27239)) {
            ours = session(ctl, daemon.cliPort, daemon.ngAddress());
        }
        Map<String, String> theirs;
        int cliPort = DaemonProcess.freeTcpPort();
        try (RtpengineProcess rtpengine = RtpengineProcess.start(List.of("127.0.0.1"), 27240, 27279, dir,
                List.of("--listen-cli=127.0.0.1:" + cliPort))) {
            theirs = session(ctl, cliPort, rtpengine.ngAddress());
        }
        int compared = 0;
        for (String step : ours.keySet()) {
            assertThat(mask(ours.get(step))).as("'%s' as rtpengine 10.5 prints it:\n%s\nngrelay:\n%s", step, theirs.get(step), ours.get(step))
                    .isEqualTo(mask(theirs.get(step)));
            compared++;
        }
        System.out.println("rtpengine-ctl: " + compared + " outputs identical to rtpengine 10.5's (ports, times, durations masked)");
    }

    /** The operator's session, the same against either daemon; each step's output by name. */
    private static Map<String, String> session(String ctl, int cliPort, InetSocketAddress ngAddress) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Ctl c = new Ctl(ctl, cliPort);
        try (NgClient ng = new NgClient(ngAddress)) {
            out.put("list numsessions (idle)", c.run("list numsessions"));
            out.put("list sessions all (idle)", c.run("list sessions all"));
            try (TwoPartyCall first = TwoPartyCall.establish(ng, "ctl-1")) {
                for (int i = 0; i < 10; i++) {
                    first.assertRtpBothWays();
                }
                out.put("list numsessions", c.run("list numsessions"));
                out.put("list sessions all", c.run("list sessions all"));
                out.put("list sessions ctl-1", c.run("list sessions ctl-1"));
                out.put("list totals", c.run("list totals"));
                out.put("list maxsessions", c.run("list maxsessions"));
                out.put("set maxsessions 1", c.run("set maxsessions 1"));
                out.put("list maxsessions (1)", c.run("list maxsessions"));
                out.put("offer beyond the limit", (String) ng.request(dict("command", "offer", "call-id", "ctl-refused",
                        "from-tag", "x", "sdp", Sdps.audio("x", "127.0.0.1", 4000, 4001), "supports", List.of("load limit"))).get("result"));
                out.put("set maxsessions 0", c.run("set maxsessions 0"));
                out.put("re-offer while draining", (String) first.offer(ng).get("result"));
                out.put("set maxsessions -1", c.run("set maxsessions -1"));
                out.put("set maxsessions abc", c.run("set maxsessions abc"));
                settings(c, out);
                out.put("set loglevel 7", c.run("set loglevel 7"));
                out.put("set loglevel 6", c.run("set loglevel 6"));
                try (TwoPartyCall second = TwoPartyCall.establish(ng, "ctl-2")) {
                    out.put("terminate ctl-1", c.run("terminate ctl-1"));
                    out.put("query ctl-1 after terminate", (String) ng.request(dict("command", "query", "call-id", "ctl-1")).get("error-reason"));
                    out.put("terminate ctl-1 (again)", c.run("terminate ctl-1"));
                    out.put("list numsessions (one left)", c.run("list numsessions"));
                    out.put("list sessions ctl-2", c.run("list sessions " + second.callId));
                    out.put("terminate all", c.run("terminate all"));
                    out.put("list sessions all (after)", c.run("list sessions all"));
                    out.put("list totals (after)", c.run("list totals"));
                }
            }
            standby(c, ng, out);
        }
        return out;
    }

    /** {@code standby} makes the calls foreign (another node's), {@code active} own again; what each command then shows. */
    private static void standby(Ctl c, NgClient ng, Map<String, String> out) throws Exception {
        try (TwoPartyCall third = TwoPartyCall.establish(ng, "ctl-3"); TwoPartyCall fourth = TwoPartyCall.establish(ng, "ctl-4")) {
            fourth.assertRtpBothWays();
            out.put("standby", c.run("standby"));
            out.put("list numsessions (standby)", c.run("list numsessions"));
            out.put("list sessions own (standby)", c.run("list sessions own"));
            out.put("list sessions foreign (standby)", c.run("list sessions foreign"));
            out.put("list sessions ctl-3 (standby)", c.run("list sessions ctl-3"));
            out.put("re-offer while standby", (String) third.offer(ng).get("result"));
            out.put("list numsessions (re-offer while standby)", c.run("list numsessions"));
            out.put("terminate own (standby)", c.run("terminate own"));
            out.put("list sessions all (standby, own terminated)", c.run("list sessions all"));
            out.put("active (after standby)", c.run("active"));
            out.put("list numsessions (active)", c.run("list numsessions"));
            out.put("terminate foreign (active)", c.run("terminate foreign"));
            out.put("list sessions foreign (active)", c.run("list sessions foreign"));
            out.put("terminate all (active)", c.run("terminate all"));
        }
    }

    /**
     * Every runtime setting: list, set, list again; bad values; then params diff and revert. The
     * values are ones the call in progress survives (the timeouts stay long, the limits high).
     */
    private static void settings(Ctl c, Map<String, String> out) throws Exception {
        for (String[] t : new String[][] {{"timeout", "100"}, {"silenttimeout", "200"}, {"finaltimeout", "1000"}, {"offertimeout", "500"},
                {"deletedelay", "3"}, {"maxload", "50.5"}, {"maxcpu", "99.5"}, {"maxbw", "1000"}}) {
            out.put("list " + t[0], c.run("list " + t[0]));
            out.put("set " + t[0] + " " + t[1], c.run("set " + t[0] + " " + t[1]));
            out.put("list " + t[0] + " (" + t[1] + ")", c.run("list " + t[0]));
        }
        for (String bad : List.of("set timeout abc", "set timeout -3", "set silenttimeout 99999999999", "set timeout",
                "set deletedelay -1", "set deletedelay abc", "set maxload abc", "set maxcpu x", "set maxbw x",
                "set controltos 300", "set controltos -1", "set maxopenfiles 10", "set maxopenfiles abc")) {
            out.put(bad, c.run(bad));
        }
        out.put("set deletedelay 0", c.run("set deletedelay 0"));
        out.put("list controltos", c.run("list controltos"));
        out.put("list maxopenfiles", c.run("list maxopenfiles"));
        out.put("list interfaces", c.run("list interfaces"));
        out.put("list transcoders", c.run("list transcoders"));
        out.put("list counters", c.run("list counters"));
        out.put("params diff", c.run("params diff"));
        out.put("params revert", c.run("params revert"));
        out.put("params diff (reverted)", c.run("params diff"));
        out.put("list timeout (reverted)", c.run("list timeout"));
        out.put("list offertimeout (not reverted)", c.run("list offertimeout"));
        out.put("list maxbw (reverted)", c.run("list maxbw"));
        out.put("active", c.run("active"));
    }

    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{5,}\\b");
    /** Figures that depend on timing: rates and live streams (sampled at different moments), uptime. */
    private static final Pattern TIMING_LINE = Pattern.compile("(?m)^( (?:.*per second.*|.*media streams|Uptime of rtpengine) *:).*$");
    private static final Pattern CODEC = Pattern.compile("using .*$", Pattern.MULTILINE);
    /** The control table's ping column: the fixtures ping each daemon until it answers. */
    /** rtpengine-ctl's pointer to the daemon's limits file, and the limit (the JVM may raise its soft limit). */
    private static final Pattern OPEN_FILES = Pattern.compile("configured on rtpengine: \\d+; cat /proc/\\d+/limits");
    private static final Pattern PING_COLUMN = Pattern.compile("(?m)^( +127\\.0\\.0\\.1 \\|) +\\d+ \\|");

    /**
     * Ports, epoch times and durations differ from run to run; ngrelay does not follow the codec in
     * use (docs/compatibility.md), so that field is masked too.
     */
    private static String mask(String s) {
        s = OPEN_FILES.matcher(s).replaceAll("configured on rtpengine: F; cat /proc/P/limits");
        s = TIMING_LINE.matcher(s).replaceAll("$1T");
        s = PING_COLUMN.matcher(s).replaceAll("$1 P |");
        s = DECIMAL.matcher(s).replaceAll("D");
        s = LONG_NUMBER.matcher(s).replaceAll("N");
        return CODEC.matcher(s).replaceAll("using C");
    }

    /** The real rtpengine-ctl, as an operator runs it: {@code rtpengine-ctl -ip 127.0.0.1 -port N words...}. */
    private record Ctl(String path, int port) {
        String run(String command) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(path, "-ip", "127.0.0.1", "-port", Integer.toString(port)));
            cmd.addAll(List.of(command.split(" ")));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("rtpengine-ctl " + command + " finished").isTrue();
            assertThat(p.exitValue()).as("rtpengine-ctl " + command + " exit status").isZero();
            return output;
        }
    }
}

package org.ngrelay.cli.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.RtcpScenario;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * The settings {@code rtpengine-ctl set} changes reach the calls: an idle answered call ends after
 * the new {@code timeout}, not the one it began with. Media ports 27280-27289.
 */
@Timeout(30)
class ControlCliTest {

    @Test
    void setTimeoutEndsAnIdleAnsweredCallAfterTheNewValue() throws Exception {
        CallConfig config = CallConfig.DEFAULTS.withDeleteDelaySec(0);
        try (InProcessRelay relay = new InProcessRelay(config, 27280, 27289);
             TwoPartyCall call = TwoPartyCall.establish(relay.client(), "idle-1")) {
            ControlCli cli = new ControlCli(new Commands(relay.calls()), new NoLogLevels(), ControlSockets.holder(0), Map.of());
            assertThat(run(cli, "list timeout")).isEqualTo("TIMEOUT=60\n");
            assertThat(call.answerSdp).isNotNull();
            Thread.sleep(2500);
            assertThat(relay.calls().snapshots().get(5, TimeUnit.SECONDS)).as("idle 2.5 s under --timeout=60").hasSize(1);

            assertThat(run(cli, "set timeout 2")).isEqualTo("Success setting timeout to 2\n");
            assertThat(run(cli, "list timeout")).isEqualTo("TIMEOUT=2\n");
            // idle for 2.5 s already: the call's next tick ends it
            long start = System.nanoTime();
            while (!relay.calls().snapshots().get(5, TimeUnit.SECONDS).isEmpty()) {
                assertThat(System.nanoTime() - start).as("call ended within 3 s of set timeout 2").isLessThan(TimeUnit.SECONDS.toNanos(3));
                Thread.sleep(50);
            }
            Map<String, Object> reply = relay.client().request(Map.of("command", "query", "call-id", "idle-1"));
            assertThat(reply).containsEntry("result", "error");
            assertThat(run(cli, "list totals")).containsPattern(" Total timed-out sessions via TIMEOUT +:1\n");

            // a new call follows the new value too: idle 2 s and it is gone
            try (TwoPartyCall second = TwoPartyCall.establish(relay.client(), "idle-2")) {
                assertThat(second.answerSdp).isNotNull();
                assertThat(relay.calls().snapshots().get(5, TimeUnit.SECONDS)).hasSize(1);
                Thread.sleep(1000);
                assertThat(relay.calls().snapshots().get(5, TimeUnit.SECONDS)).as("idle 1 s of 2").hasSize(1);
                start = System.nanoTime();
                while (!relay.calls().snapshots().get(5, TimeUnit.SECONDS).isEmpty()) {
                    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
                    Thread.sleep(50);
                }
            }
        }
    }

    @Test
    void numbersAreReadAsRtpengineReadsThem() throws Exception {
        try (InProcessRelay relay = new InProcessRelay(CallConfig.DEFAULTS, 27280, 27289)) {
            ControlCli cli = new ControlCli(new Commands(relay.calls()), new NoLogLevels(), ControlSockets.holder(0), Map.of());
            assertThat(run(cli, "set timeout 5x")).isEqualTo("Success setting timeout to 5\n");
            assertThat(run(cli, "set timeout -3")).isEqualTo("Fail setting timeout to -3; errno=0\n");
            assertThat(run(cli, "set timeout 99999999999")).isEqualTo("Fail setting timeout to 99999999999; errno=0\n");
            assertThat(run(cli, "set timeout abc")).isEqualTo("Fail setting timeout to abc; no digists found\n");
            assertThat(run(cli, "set deletedelay -1")).isEqualTo("Invalid delete-delay value\n");
            assertThat(run(cli, "set deletedelay 2x")).isEqualTo("Success setting delete-delay to 2\n");
            assertThat(run(cli, "set maxcpu 1.26")).isEqualTo("Success setting maxcpu to 1.3\n");
            assertThat(run(cli, "set maxload 1.234")).isEqualTo("Success setting maxload to 1.23\n");
            assertThat(run(cli, "list maxload")).isEqualTo("Maximum load average configured on rtpengine: 1.23\n");
            assertThat(run(cli, "set maxbw -5")).isEqualTo("Success setting maxbw to 18446744073709551611\n");
            assertThat(run(cli, "set maxbw 7")).isEqualTo("Success setting maxbw to 7\n");
            assertThat(run(cli, "list maxbw")).isEqualTo("Maximum bandwidth configured on rtpengine: 700\n");
            assertThat(run(cli, "set controltos 300")).isEqualTo("Invalid control-tos value 300, must be between 0 and 255\n");
            assertThat(run(cli, "set controltos 184")).isEqualTo("Success setting control-tos to 184\n");
            assertThat(run(cli, "list controltos")).isEqualTo("184\n");
            assertThat(run(cli, "set maxopenfiles 10")).isEqualTo("Fail setting open_files to 10; can't set it under 65536\n");
            assertThat(run(cli, "params diff")).isEqualTo("max-cpu: 0 => 126\nmax-load: 0 => 123\nmax-bw: 0 => 700\n"
                    + "timeout: 60 => 5\ncontrol-tos: 0 => 184\n");
            assertThat(run(cli, "params revert")).isEmpty();
            assertThat(run(cli, "params diff")).isEmpty();
            assertThat(run(cli, "list deletedelay")).isEqualTo("2\n"); // 10.5 does not revert it
            assertThat(relay.calls().loadLimits().check()).isNull();
        }
    }

    /** A call made foreign by {@code standby} is left to its owner: no timeout ends it until {@code active}. */
    @Test
    void standbyCallsOutliveTheTimeoutUntilActive() throws Exception {
        CallConfig config = CallConfig.DEFAULTS.withDeleteDelaySec(0).withTimeoutSec(1);
        try (InProcessRelay relay = new InProcessRelay(config, 12800, 12899);
             TwoPartyCall call = TwoPartyCall.establish(relay.client(), "standby-1")) {
            ControlCli cli = new ControlCli(new Commands(relay.calls()), new NoLogLevels(), ControlSockets.holder(0), Map.of());
            call.assertRtpBothWays();
            assertThat(run(cli, "standby")).isEqualTo("Ok, all calls set to 'foreign (standby)'\n");
            Thread.sleep(2500);
            assertThat(relay.calls().snapshots().get(5, TimeUnit.SECONDS)).as("foreign, idle 2.5 s under --timeout=1").hasSize(1);
            assertThat(run(cli, "list numsessions")).startsWith("Current sessions own: 0\nCurrent sessions foreign: 1\n");
            assertThat(run(cli, "active")).isEqualTo("Ok, all calls set to 'owned (active)'\n");
            long start = System.nanoTime();
            while (!relay.calls().snapshots().get(5, TimeUnit.SECONDS).isEmpty()) {
                assertThat(System.nanoTime() - start).as("own again: the timeout ends it").isLessThan(TimeUnit.SECONDS.toNanos(3));
                Thread.sleep(50);
            }
            assertThat(run(cli, "list totals")).containsPattern(" Total timed-out sessions via TIMEOUT +:1\n");
        }
    }

    /**
     * The ng {@code cli} command (newer rtpengine's) answers what the CLI socket prints, here after
     * a call with RTCP: {@code list totals} shows its MOS samples, {@code list sessions} its SSRCs.
     */
    @Test
    void ngCliCommandRunsTheCliAndShowsRtcpQuality() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(12600, 12699); NgClient ng = relay.client()) {
            ControlCli cli = new ControlCli(relay.commands(), new NoLogLevels(), ControlSockets.holder(0), Map.of());
            relay.commands().cli(cli::run);
            RtcpScenario.receiverReports(List.of(ng), "cli-q");
            Map<String, Object> reply = ng.request(NgClient.dict("command", "cli", "body", "list sessions cli-q"));
            assertThat(reply).containsEntry("result", "ok");
            String sessions = (String) reply.get("response");
            assertThat(sessions.replaceAll("callduration [0-9.]+", ""))
                    .isEqualTo(run(cli, "list sessions cli-q").replaceAll("callduration [0-9.]+", ""))
                    .contains(", SSRC 11111111, ").contains(", SSRC 22222222, ");
            ng.request(NgClient.dict("command", "delete", "call-id", "cli-q"));
            String totals = (String) ng.request(NgClient.dict("command", "CLI", "body", "list totals")).get("response");
            // three samples; their MOS depends on the RTT the reports measure over loopback, which a
            // busy machine stretches by a millisecond or two: each sample may move by 0.1
            assertThat(totals).contains(" Total number of MOS samples                     :3\n")
                    .containsPattern(" Sum of all MOS values sampled                   :10\\.[0-4]00000\n")
                    .containsPattern(" Average MOS                                     :3\\.[34][0-9]{5}\n");
            assertThat(ng.request(NgClient.dict("command", "cli"))).containsEntry("result", "error")
                    .containsEntry("error-reason", "No 'body' in message");
        }
    }

    private static String run(ControlCli cli, String line) throws Exception {
        return cli.run(line).get(10, TimeUnit.SECONDS);
    }

    /** No subsystems: these tests are about the other settings. */
    private static final class NoLogLevels implements LogLevels {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public String description(String name) {
            return "";
        }

        @Override
        public int level(String name) {
            return -1;
        }

        @Override
        public void setAll(int level) {
        }

        @Override
        public boolean set(String name, int level) {
            return false;
        }
    }
}

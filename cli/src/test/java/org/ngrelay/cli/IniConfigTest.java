package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IniConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedSampleConfig() throws Exception {
        Map<String, String> values = IniConfig.read(Path.of("../etc/ngrelay.conf"), "rtpengine");
        assertThat(values).containsEntry("interface", "127.0.0.1").containsEntry("listen-ng", "127.0.0.1:2223")
                .containsEntry("port-min", "30000").containsEntry("port-max", "40000").containsEntry("delete-delay", "30");
        // Every key of the sample is an option the daemon knows.
        CommandLine cli = new CommandLine(new DaemonCommand());
        for (String key : values.keySet()) {
            assertThat(cli.getCommandSpec().findOption("--" + key)).as(key).isNotNull();
        }
    }

    @Test
    void readsOnlyTheChosenSection() throws Exception {
        Path file = dir.resolve("rtpengine.conf");
        Files.writeString(file, "# comment\n[other]\nport-min = 1\n\n[rtpengine]\n  port-min = 20000  \ninterface = a/127.0.0.1;b/::1\n");
        assertThat(IniConfig.read(file, "rtpengine")).containsExactly(
                Map.entry("port-min", "20000"), Map.entry("interface", "a/127.0.0.1;b/::1"));
        assertThat(IniConfig.read(file, "other")).containsExactly(Map.entry("port-min", "1"));
    }

    @Test
    void aBrokenLineNamesFileAndLine() throws Exception {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "[rtpengine]\nthis is not a key\n");
        assertThatThrownBy(() -> IniConfig.read(file, "rtpengine")).hasMessageContaining("bad.conf:2");
    }

    @Test
    void commandLineWinsOverTheFileAndListsSplitOnSemicolons() throws Exception {
        Path file = dir.resolve("n.conf");
        Files.writeString(file, "[rtpengine]\nport-min = 20000\nport-max = 20100\ninterface = a/127.0.0.1;b/127.0.0.2\n"
                + "foreground = true\nlog-stderr = false\ntable = 0\nredis = 127.0.0.1:6379/1\nno-such-key = 1\n");
        DaemonCommand daemon = new DaemonCommand();
        CommandLine cli = new CommandLine(daemon);
        List<String> merged = NgRelayMain.withConfigFile(cli, new String[] {"--config-file=" + file, "--port-max=20200"});
        cli.parseArgs(merged.toArray(new String[0]));
        assertThat(daemon.portMin).isEqualTo(20000);
        assertThat(daemon.portMax).isEqualTo(20200);
        assertThat(daemon.interfaces).containsExactly("a/127.0.0.1", "b/127.0.0.2");
        assertThat(daemon.foreground).isTrue();
        assertThat(daemon.logStderr).isFalse();
        assertThat(daemon.inert.table).isEqualTo("0");
        assertThat(daemon.inert.redis).as("accepted, to be logged as having no effect").isEqualTo("127.0.0.1:6379/1");
        assertThat(merged).as("a key that is no rtpengine option is skipped").noneMatch(a -> a.startsWith("--no-such-key"));
    }

    @Test
    void aSwitchTakesOnlyTrueOrFalse() throws Exception {
        Path file = dir.resolve("b.conf");
        Files.writeString(file, "[rtpengine]\nforeground = yes\n");
        assertThatThrownBy(() -> NgRelayMain.withConfigFile(new CommandLine(new DaemonCommand()), new String[] {"--config-file=" + file}))
                .hasMessageContaining("'foreground' is a switch: true or false, not 'yes'");
        Files.writeString(file, "[rtpengine]\nforeground = false\nlog-stderr = 0\n");
        assertThat(NgRelayMain.withConfigFile(new CommandLine(new DaemonCommand()), new String[] {"--config-file=" + file}))
                .containsExactly("--config-file=" + file);
    }

    @Test
    void listenAddressesInEveryForm() throws Exception {
        assertThat(DaemonCommand.parseListen("127.0.0.1:2223").toString()).isEqualTo("/127.0.0.1:2223");
        assertThat(DaemonCommand.parseListen("[::1]:2223").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(DaemonCommand.parseListen("2223").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(DaemonCommand.parseListen("localhost:2223").getAddress().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> DaemonCommand.parseListen("127.0.0.1:99999")).hasMessageContaining("invalid port");
    }
}

package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.cli.testing.DaemonProcess;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The daemon starts from an rtpengine.conf that sets every rtpengine 10.5 option, serves a call, and
 * says once, at start-up, for each option that does nothing here which one it is and why.
 */
@Timeout(60)
class EveryOptionIT {

    @TempDir
    Path dir;

    @Test
    void startsFromAConfigWithEveryRtpengineOptionAndNamesEachWithoutEffectOnce() throws IOException {
        int ngPort = UdpPeer.freePort();
        int cliPort = DaemonProcess.freeTcpPort();
        int httpPort = DaemonProcess.freeTcpPort();
        String template;
        try (InputStream in = getClass().getResourceAsStream("/options/rtpengine-10.5-every-option.conf")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path cert = copy("test-cert.pem");
        Path key = copy("test-key.pem");
        Files.createDirectories(dir.resolve("recordings"));
        String conf = template.replace("@DIR@", dir.toString()).replace("@CERT@", cert.toString()).replace("@KEY@", key.toString())
                .replace("@NG_PORT@", Integer.toString(ngPort)).replace("@CLI_PORT@", Integer.toString(cliPort))
                .replace("@HTTP_PORT@", Integer.toString(httpPort))
                .replace("@HTTPS_PORT@", Integer.toString(DaemonProcess.freeTcpPort()))
                .replace("@TCP_NG_PORT@", Integer.toString(DaemonProcess.freeTcpPort()))
                .replace("@LEGACY_TCP_PORT@", Integer.toString(DaemonProcess.freeTcpPort()))
                .replace("@LEGACY_UDP_PORT@", Integer.toString(UdpPeer.freePort()))
                .replace("@PORT_MIN@", "26900").replace("@PORT_MAX@", "26999");
        assertThat(conf).doesNotContainPattern("@[A-Z_]+@");
        Path file = dir.resolve("rtpengine.conf");
        Files.writeString(file, conf);

        try (DaemonProcess daemon = new DaemonProcess(dir, ngPort, cliPort, httpPort, List.of("--config-file=" + file));
             NgClient ng = daemon.ngClient();
             TwoPartyCall call = TwoPartyCall.establish(ng, "every-option-call")) {
            call.assertRtpBothWays();
            assertThat(ng.request(dict("command", "delete", "call-id", "every-option-call"))).containsEntry("result", "ok");
            String log = daemon.log();
            List<String> problems = new ArrayList<>();
            for (OptionSpec option : new CommandLine(new DaemonCommand()).getCommandSpec().mixins().get("inert").options()) {
                String line = option.longestName() + (option.arity().max() == 0 ? "" : "=");
                long lines = log.lines().filter(l -> l.contains(": [core] " + line) && l.contains(" has no effect: ")).count();
                if (lines != 1) {
                    problems.add(option.longestName() + ": " + lines + " start-up lines");
                }
            }
            assertThat(problems).isEmpty();
            assertThat(log).contains("INFO: [core] --redis=127.0.0.1:6379/5 has no effect: " + InertOptions.REDIS)
                    .contains("INFO: [core] --subscribe-keyspace=1,2 has no effect: ")
                    .contains("WARNING: [core] --listen-udp=127.0.0.1:")
                    .contains("legacy (rtpproxy-compatible, non-ng) control protocol is not implemented")
                    .contains("use --listen-ng (ng is listening on 127.0.0.1:" + ngPort + ")");
            // the options that work did: no timestamps, the pidfile, the recording dir accepted
            assertThat(log.lines().filter(l -> l.contains("Startup complete"))).singleElement().asString().startsWith("INFO: [core] ");
            assertThat(Files.readString(dir.resolve("ngrelay.pid")).trim()).matches("\\d+");
        }
    }

    private Path copy(String resource) throws IOException {
        Path out = dir.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/options/" + resource)) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }
}

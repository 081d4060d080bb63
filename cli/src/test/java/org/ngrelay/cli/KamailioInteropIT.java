package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngrelay.cli.testing.ExternalTool;

/**
 * Real calls through ngrelay: Kamailio's rtpengine module drives the packaged daemon, sipp places
 * 20 calls (5 at a time) with RTP both ways, tshark watches loopback. The orchestration is
 * {@code src/test/resources/kamailio/run.sh}; this test checks what it measured.
 */
@Tag("slow")
@Timeout(600)
class KamailioInteropIT {

    private static final int CALLS = 20;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    // each run takes BASE..BASE+6999 (below the ephemeral ports, 32768 up)
    @CsvSource({"MANAGE, 4000, false", "EXPLICIT, 11000, false", "RECORD, 18000, true", "STARTREC, 25000, true"})
    void callsRelayBothWaysThroughNgrelay(String variant, int basePort, boolean recorded) throws Exception {
        ExternalTool.require("kamailio", "kamailio");
        ExternalTool.require("sipp", "sip-tester");
        ExternalTool.require("tshark", "tshark");
        ExternalTool.require("python3", "python3");
        ProcessBuilder pb = new ProcessBuilder("bash", new File("src/test/resources/kamailio/run.sh").getAbsolutePath(),
                variant, Integer.toString(CALLS), "5")
                .redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile());
        pb.environment().put("NGRELAY_JAR", new File("target/ngrelay.jar").getAbsolutePath());
        pb.environment().put("WORK", work.toString());
        pb.environment().put("BASE_PORT", Integer.toString(basePort));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("run.sh did not finish in 300 s");
        }
        String log = Files.readString(work.resolve("run.log"), StandardCharsets.UTF_8);
        Map<String, Long> r = new HashMap<>();
        log.lines().filter(l -> l.startsWith("RESULT ")).forEach(l -> {
            String[] kv = l.substring(7).split("=", 2);
            r.put(kv[0], Long.parseLong(kv[1].trim()));
        });
        System.out.println("kamailio " + variant + ": " + r);
        String context = "run.log:\n" + log + "\nkamailio.log tail:\n" + tail(work.resolve("kamailio.log")) + "\nngrelay.log tail:\n" + tail(work.resolve("ngrelay.log"));
        assertThat(r).as(context).containsEntry("uac_exit", 0L).containsEntry("uas_exit", 0L)
                .containsEntry("calls_left", 0L).containsEntry("relay_ports_bound", 0L)
                .containsEntry("direct", 0L).containsEntry("ng_bad", 0L);
        // 20 calls × ~3 s of 20 ms packets each way
        assertThat(r.get("uac_sent")).as(context).isGreaterThanOrEqualTo(CALLS * 100L);
        assertThat(r.get("uas_sent")).as(context).isGreaterThanOrEqualTo(CALLS * 100L);
        assertThat(r.get("uas_received")).as("caller to callee delivered ≥ 95 %").isGreaterThanOrEqualTo(r.get("uac_sent") * 95 / 100);
        assertThat(r.get("uac_received")).as("callee to caller delivered ≥ 95 %").isGreaterThanOrEqualTo(r.get("uas_sent") * 95 / 100);
        assertThat(r.get("ng_ok")).as("offer, answer, delete per call").isGreaterThanOrEqualTo(3L * CALLS);
        if (recorded) {
            assertThat(r).as(context).containsEntry("pcaps", (long) CALLS).containsEntry("metadata", (long) CALLS);
        }
    }

    private static String tail(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }
}

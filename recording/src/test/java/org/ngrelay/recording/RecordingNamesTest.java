package org.ngrelay.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingNamesTest {

    @TempDir
    Path dir;

    @Test
    void patternsExpandLikeRtpengineRecordings() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 22, 7, 5, 9);
        assertThat(RecordingNames.expand("%c-%r", "a@b c", "0123456789abcdef", null, null, t)).isEqualTo("a%40b%20c-0123456789abcdef");
        assertThat(RecordingNames.expand("%Y%m%d-%H%M%S-%l-%{customer}-%{missing}-%%-%x", "c", "r", "caller",
                "customer:42|x:y", t)).isEqualTo("20261122-070509-caller-42--%-%x");
    }

    @Test
    void namesAreSanitisedAndBoundedWithTheExtensionKept() {
        assertThat(RecordingNames.sanitise("../etc/passwd\u0001", ".pcap")).isEqualTo(".._etc_passwd_.pcap");
        assertThat(RecordingNames.sanitise("..", ".pcap")).isEqualTo("_...pcap");
        String longName = RecordingNames.sanitise("é".repeat(300), ".pcap");
        assertThat(longName).endsWith(".pcap");
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Test
    void pathsMustStayInsideTheRecordingDirectoryEvenThroughSymlinks() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.createSymbolicLink(dir.resolve("escape"), outside);
        assertThat(RecordingNames.inside(dir, "calls/2026/x.pcap")).isEqualTo(dir.toRealPath().resolve("calls/2026/x.pcap"));
        assertThatThrownBy(() -> RecordingNames.inside(dir, "../x.pcap")).hasMessageContaining("outside the recording directory");
        assertThatThrownBy(() -> RecordingNames.inside(dir, "/etc/x.pcap")).hasMessageContaining("outside");
        assertThatThrownBy(() -> RecordingNames.inside(dir, "escape/x.pcap")).hasMessageContaining("outside");
        Files.delete(dir.resolve("escape"));
        Files.delete(outside);
    }
}

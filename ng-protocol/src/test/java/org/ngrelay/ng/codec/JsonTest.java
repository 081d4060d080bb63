package org.ngrelay.ng.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesNgDictionaries() throws NgFormatException {
        Map<String, Object> m = Json.parseObject("{\"command\": \"offer\", \"flags\": [\"a\", \"b\"], \"n\": 5,"
                + " \"sdp\": \"v=0\\r\\nx=\\u0041\", \"d\": {\"strip\": []}, \"t\": true}");
        assertThat(m).containsEntry("command", "offer").containsEntry("flags", List.of("a", "b")).containsEntry("n", 5L)
                .containsEntry("sdp", "v=0\r\nx=A").containsEntry("d", Map.of("strip", List.of())).containsEntry("t", 1L);
    }

    @Test
    void writesWhatItReads() throws NgFormatException {
        String text = Json.write(Map.of("sdp", "a\"b\\c\r\n", "list", List.of(1L, "x")));
        assertThat(Json.parseObject(text)).isEqualTo(Map.of("sdp", "a\"b\\c\r\n", "list", List.of(1L, "x")));
    }

    @Test
    void errorsAreRtpengines() {
        assertThatThrownBy(() -> Json.parseObject("{\"command\":")).hasMessage("Failed to parse JSON document");
        assertThatThrownBy(() -> Json.parseObject("[\"ping\"]")).hasMessage("Invalid NG data format");
        assertThatThrownBy(() -> Json.parseObject("{\"a\" 1}")).hasMessage("Failed to parse JSON document");
    }
}

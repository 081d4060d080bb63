package org.ngrelay.ng.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dampcake.bencode.Bencode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reply encoder against dampcake, the encoder it replaced, as the oracle: same bytes. */
class BencodeWriterTest {

    private static final Bencode DAMPCAKE = new Bencode(StandardCharsets.ISO_8859_1);

    @Test
    void aTypicalOfferReplyIsByteForByteWhatDampcakeWrites() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("sdp", "v=0\r\no=- 1545997027 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 30000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\na=rtcp:30001\r\n");
        reply.put("result", "ok");
        reply.put("warning", "caf\u00e9 \u00ff");
        reply.put("recordings", List.of("/var/spool/x.pcap"));
        reply.put("created", 1700000000L);
        reply.put("last signal", -7);
        reply.put("tags", Map.of("b", Map.of(), "a", List.of()));
        reply.put("raw", new byte[] {0, (byte) 0xff, 'd'});
        assertThat(BencodeWriter.encode(reply)).isEqualTo(DAMPCAKE.encode(reply));
        assertThat(new String(BencodeWriter.encode(Map.of("b", 1, "a", "")), StandardCharsets.ISO_8859_1)).isEqualTo("d1:a0:1:bi1ee");
    }

    @Test
    void randomNestedRepliesMatchDampcake() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> reply = dictionary(random, 0);
            assertThat(BencodeWriter.encode(reply)).as("case %d: %s", i, reply).isEqualTo(DAMPCAKE.encode(reply));
        }
    }

    @Test
    void aNullValueIsRefusedAsDampcakeRefusesIt() {
        Map<String, Object> reply = new HashMap<>();
        reply.put("result", null);
        assertThatThrownBy(() -> BencodeWriter.encode(reply)).isInstanceOf(NullPointerException.class);
    }

    private static Map<String, Object> dictionary(Random r, int depth) {
        Map<String, Object> m = new HashMap<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            m.put(text(r), value(r, depth + 1));
        }
        return m;
    }

    private static Object value(Random r, int depth) {
        switch (depth > 3 ? r.nextInt(2) : r.nextInt(4)) {
            case 0:
                return text(r);
            case 1:
                return r.nextBoolean() ? (Object) r.nextLong() : (Object) r.nextInt();
            case 2:
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(value(r, depth + 1));
                }
                return list;
            default:
                return dictionary(r, depth);
        }
    }

    private static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            sb.append((char) r.nextInt(256)); // every ISO-8859-1 character, control ones included
        }
        return sb.toString();
    }
}

package org.ngrelay.ng.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ngrelay.ng.codec.Json;

/**
 * The golden pairing: every {@code rtpp-flags} string of {@code rtpp-flags/pairs.json} must read, through
 * NgRequest's getters, exactly like the dictionary Kamailio's module sends for the same flags when it
 * parses them itself. Every key and flag any pair names, and every key and flag NgRequest knows, is
 * compared, so an extra or a missing entry fails as much as a wrong value.
 */
class RtppFlagsPairingTest {

    private static final List<String> MORE_KEYS = List.of("command", "call-id", "from-tag", "to-tag", "via-branch",
            "label", "sdp", "flags", "replace", "received-from", "media-address", "address-family", "direction",
            "ICE", "DTLS", "SDES", "rtcp-mux", "codec", "ptime", "TOS", "transport-protocol", "delete-delay",
            "supports", "record-call", "metadata", "T.38", "repacketize", "OSRTP", "from-tags", "interface");

    private static final List<String> MORE_FLAGS = List.of("trust-address", "sip-source-address", "symmetric",
            "asymmetric", "strict-source", "media-handover", "port-latching", "loop-protect", "record-call",
            "directional", "original-sendrecv", "no-rtcp-attribute", "full-rtcp-attribute", "osrtp-accept",
            "replace-origin", "ice=remove", "rtp/avp");

    record Pair(String source, String rtppFlags, Map<String, Object> dict) {
    }

    @SuppressWarnings("unchecked")
    static List<Pair> pairs() throws IOException {
        try (InputStream in = RtppFlagsPairingTest.class.getResourceAsStream("/rtpp-flags/pairs.json")) {
            Map<String, Object> doc = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Object>) doc.get("pairs")).stream().map(o -> (Map<String, Object>) o)
                    .map(p -> new Pair((String) p.get("source"), (String) p.get("rtpp-flags"),
                            (Map<String, Object>) p.get("dict")))
                    .toList();
        } catch (org.ngrelay.ng.codec.NgFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCorpusCoversEnoughPairs() throws IOException {
        assertThat(pairs()).hasSizeGreaterThanOrEqualTo(25);
    }

    @TestFactory
    Stream<DynamicTest> rtppFlagsReadLikeTheDictionary() throws IOException {
        List<Pair> pairs = pairs();
        TreeSet<String> keys = new TreeSet<>(MORE_KEYS);
        TreeSet<String> flags = new TreeSet<>(MORE_FLAGS);
        for (Pair p : pairs) {
            for (String k : p.dict().keySet()) {
                keys.add(NgRequest.normaliseKey(k));
            }
            if (p.dict().get("flags") instanceof List<?> l) {
                l.forEach(f -> flags.add(normaliseFlag((String) f)));
            }
            for (String word : p.rtppFlags().split("\\s+")) {
                flags.add(normaliseFlag(word));
            }
        }
        return pairs.stream().map(p -> DynamicTest.dynamicTest(p.rtppFlags(), () -> {
            assertThat(p.dict()).as("a pair must say something, or a broken parser would pass").isNotEmpty();
            Map<String, Object> withString = new LinkedHashMap<>();
            withString.put("rtpp-flags", p.rtppFlags());
            NgRequest fromString = new NgRequest(withString);
            NgRequest fromDict = new NgRequest(p.dict());
            for (String key : keys) {
                String what = p.source() + ": key '" + key + "'";
                assertThat(fromString.has(key)).as(what + " present").isEqualTo(fromDict.has(key));
                assertThat(fromString.text(key)).as(what + " as text").isEqualTo(fromDict.text(key));
                assertThat(fromString.integer(key)).as(what + " as integer").isEqualTo(fromDict.integer(key));
                assertThat(fromString.strings(key)).as(what + " as list").isEqualTo(fromDict.strings(key));
                assertThat(fromString.dict(key)).as(what + " as dictionary").isEqualTo(fromDict.dict(key));
            }
            for (String flag : flags) {
                assertThat(fromString.flag(flag)).as(p.source() + ": flag '" + flag + "'").isEqualTo(fromDict.flag(flag));
            }
        }));
    }

    @Test
    void theAliasSpellingsAreTheSame() {
        for (String key : List.of("rtpp-flags", "rtpp_flags", "rtpp flags")) {
            NgRequest r = new NgRequest(Map.of(key, "replace-origin ICE=remove codec-strip=PCMA"));
            assertThat(r.strings("replace")).as(key).containsExactly("origin");
            assertThat(r.string("ICE")).as(key).isEqualTo("remove");
            assertThat(r.dict("codec")).as(key).isEqualTo(Map.of("strip", List.of("PCMA")));
        }
    }

    private static String normaliseFlag(String word) {
        return NgRequest.normaliseKey(word.trim()).toLowerCase(Locale.ROOT);
    }
}

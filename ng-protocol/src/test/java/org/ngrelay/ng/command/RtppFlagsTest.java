package org.ngrelay.ng.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed rtpp-flags strings, and how the string ranks against the dictionary's own keys. */
class RtppFlagsTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(NgRequest.class.getName());

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    private List<String> lines(Level level) {
        return logged.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    @Test
    void anUnclosedBracketIsAnErrorWithItsOffset() {
        assertThatThrownBy(() -> RtppFlags.parse("ICE=remove replace=[origin ICE=force"))
                .isInstanceOf(RtppFlags.SyntaxException.class)
                .hasMessage("unbalanced '[' (missing ']') at offset 19")
                .satisfies(e -> assertThat(((RtppFlags.SyntaxException) e).offset()).isEqualTo(19));
        assertThatThrownBy(() -> RtppFlags.parse("codec=[strip=[PCMA]"))
                .hasMessage("unbalanced '[' (missing ']') at offset 6");
    }

    @Test
    void aStrayClosingBracketIsAnError() {
        assertThatThrownBy(() -> RtppFlags.parse("ICE=remove]")).hasMessage("unbalanced ']' (no list is open) at offset 10");
        assertThatThrownBy(() -> RtppFlags.parse("replace=[origin]] ICE=remove"))
                .hasMessage("unbalanced ']' (no list is open) at offset 16");
        assertThatThrownBy(() -> RtppFlags.parse("label=]")).hasMessage("unbalanced ']' (no list is open) at offset 6");
    }

    @Test
    void aDictionaryNeedsKeyEqualsValueThroughout() {
        assertThatThrownBy(() -> RtppFlags.parse("codec=[strip=[PCMA] mask]"))
                .hasMessage("dictionary entry without '=' ('mask') at offset 20");
        assertThatThrownBy(() -> RtppFlags.parse("replace=[origin sub=[x]]"))
                .hasMessage("'sub=[...]' inside a list that is not a dictionary at offset 16");
    }

    @Test
    void bracketsAreNotPartOfWords() {
        assertThatThrownBy(() -> RtppFlags.parse("foo[bar]")).hasMessageStartingWith("'[' inside a word")
                .hasMessageEndingWith("at offset 3");
        assertThatThrownBy(() -> RtppFlags.parse("label=a[1]")).hasMessageEndingWith("at offset 7");
        assertThatThrownBy(() -> RtppFlags.parse("=x")).hasMessage("'=' without a key at offset 0");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "x=" + "[".repeat(RtppFlags.MAX_DEPTH + 1) + "]".repeat(RtppFlags.MAX_DEPTH + 1);
        assertThatThrownBy(() -> RtppFlags.parse(deep)).hasMessageStartingWith("lists nested deeper than 16");
        assertThatThrownBy(() -> RtppFlags.parse("x=" + "[".repeat(100_000))).isInstanceOf(RtppFlags.SyntaxException.class);
        String ok = "x=" + "[".repeat(RtppFlags.MAX_DEPTH) + "y" + "]".repeat(RtppFlags.MAX_DEPTH);
        assertThat(RtppFlags.parse(ok).values()).containsKey("x");
    }

    @Test
    void aMalformedStringIsLoggedAndIgnoredWholeTheRestOfTheRequestStands() {
        NgRequest r = new NgRequest(dict("command", "offer", "call-id", "c-1", "from-tag", "a",
                "flags", List.of("trust-address"), "rtpp-flags", "replace-origin ICE=remove codec=[strip=[PCMA]"));
        assertThat(r.strings("replace")).isEmpty();
        assertThat(r.has("ICE")).isFalse();
        assertThat(r.dict("codec")).isEmpty();
        assertThat(r.flag("trust-address")).isTrue();
        assertThat(r.string("from-tag")).isEqualTo("a");
        assertThat(lines(Level.WARNING)).containsExactly("[c-1] Ignoring malformed rtpp-flags (unbalanced '[' (missing ']')"
                + " at offset 32): 'replace-origin ICE=remove codec=[strip=[PCMA]'");
    }

    @Test
    void aListWithNoKeyIsSkippedAndTheRestApplies() {
        // rtpengine's own "malformed syntax" test: replace and rtcp-mux still apply, SDP-attr does not
        NgRequest r = new NgRequest(dict("call-id", "c-2", "rtpp-flags", "replace=[ origin ]  SDP-attr=  [audio=[  remove"
                + " = [   test   ]  add =  [foo bar]] global=[remove=[quux]]] rtcp-mux=[offer]"));
        assertThat(r.strings("replace")).containsExactly("origin");
        assertThat(r.strings("rtcp-mux")).containsExactly("offer");
        assertThat(r.has("SDP-attr")).isFalse();
        assertThat(r.flag("sdp-attr")).as("'SDP-attr=' with nothing after it is the bare word, as in rtpengine").isTrue();
        assertThat(lines(Level.WARNING)).singleElement().asString()
                .startsWith("[c-2] rtpp-flags: list without a key at offset 31 skipped: '[audio=[");
    }

    @Test
    void aStringThatIsNotAStringIsIgnored() {
        NgRequest r = new NgRequest(dict("call-id", "c-3", "rtpp-flags", List.of("ICE=remove")));
        assertThat(r.has("ICE")).isFalse();
        assertThat(lines(Level.WARNING)).containsExactly("[c-3] Ignoring rtpp-flags: not a string");
        assertThat(new NgRequest(dict("rtpp-flags", "")).has("flags")).isFalse();
        assertThat(new NgRequest(dict("rtpp-flags", "   ")).has("flags")).isFalse();
    }

    @Test
    void noInputCrashesTheParserOrTheRequest() {
        Random random = new Random(11);
        String alphabet = "[] =a-b/_.\t";
        log.setUseParentHandlers(false); // thousands of warning lines would only slow the console
        try {
            fuzz(random, alphabet);
        } finally {
            log.setUseParentHandlers(true);
        }
    }

    private void fuzz(Random random, String alphabet) {
        int parsed = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                RtppFlags.parse(s.toString());
                parsed++;
            } catch (RtppFlags.SyntaxException expected) {
                assertThat(expected.offset()).isBetween(0, s.length());
            }
            new NgRequest(dict("rtpp-flags", s.toString()));
        }
        assertThat(parsed).as("the generator makes valid strings too").isGreaterThan(250);
    }

    @Test
    void theDictionarysOwnKeysWin() {
        NgRequest r = new NgRequest(dict("ICE", "force", "replace", List.of("origin"), "codec", Map.of("mask", List.of("G722")),
                "rtpp-flags", "ICE=remove replace-zero-address codec-strip=PCMA label=caller"));
        assertThat(r.string("ICE")).isEqualTo("force");
        assertThat(r.strings("replace")).containsExactly("origin");
        assertThat(r.dict("codec")).isEqualTo(Map.of("mask", List.of("G722")));
        assertThat(r.string("label")).as("keys the dictionary does not give come from the string").isEqualTo("caller");
    }

    @Test
    void keysTheDictionarysFlagsSetWinToo() {
        NgRequest r = new NgRequest(dict("flags", List.of("ICE=force", "replace-origin"), "rtpp-flags", "ICE=remove replace-sdp-version"));
        assertThat(r.string("ICE")).isEqualTo("force");
        assertThat(r.strings("replace")).containsExactly("origin");
    }

    @Test
    void flagWordsAddToTheDictionarysFlags() {
        NgRequest r = new NgRequest(dict("flags", List.of("trust-address"), "rtpp-flags", "symmetric strict-source"));
        assertThat(r.flag("trust-address")).isTrue();
        assertThat(r.flag("symmetric")).isTrue();
        assertThat(r.flag("strict-source")).isTrue();
        assertThat(r.strings("flags")).containsExactly("trust-address", "symmetric", "strict-source");
    }

    @Test
    void laterWordsOfTheStringOverrideEarlierOnes() {
        assertThat(new NgRequest(dict("rtpp-flags", "label=a label=b")).string("label")).isEqualTo("b");
        assertThat(new NgRequest(dict("rtpp-flags", "transport-protocol=RTP/AVP RTP/SAVP")).string("transport-protocol"))
                .as("transport words are applied last, as in rtpengine").isEqualTo("RTP/SAVP");
    }

    @Test
    void unknownFlagsAndKeysInTheStringAreLoggedLikeTheDictionarysOwn() {
        NgRequest r = new NgRequest(dict("call-id", "c-4", "rtpp-flags", "no-such-flag no-such-key=1"));
        assertThat(r.flag("no-such-flag")).isTrue();
        assertThat(r.string("no-such-key")).isEqualTo("1");
        assertThat(lines(Level.INFO)).contains("[c-4] Ignoring unknown key 'no-such-key'",
                "[c-4] Unknown flag encountered: 'no-such-flag'");
    }

    @Test
    void dtlsWithSrtpPartsNamesNoProtocol() {
        RtppFlags.Parsed p = RtppFlags.parse("DTLS SRTP");
        assertThat(p.values()).doesNotContainKey("transport-protocol");
        assertThat(p.warnings()).hasSize(1);
    }
}

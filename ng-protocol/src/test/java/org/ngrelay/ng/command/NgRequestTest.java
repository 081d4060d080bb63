package org.ngrelay.ng.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgRequestTest {

    @Test
    void keysInEverySpellingAreOne() {
        NgRequest r = new NgRequest(dict("command", "delete", "call id", "c", "delete_delay", 5L, "from-tag", "a"));
        assertThat(r.string("call-id")).isEqualTo("c");
        assertThat(r.integer("delete-delay")).isEqualTo(5);
        assertThat(r.string("from-tag")).isEqualTo("a");
        assertThat(new NgRequest(dict("delete-delay", "7")).integer("delete-delay")).isEqualTo(7);
    }

    @Test
    void kamailioFlagWordsBecomeTheKeysTheyStandFor() {
        NgRequest r = new NgRequest(dict("command", "offer", "flags", List.of(
                "trust address", "SIP-source-address", "replace-origin", "replace-session-connection", "ICE=remove",
                "RTP/AVP", "codec-strip-PCMA", "codec-mask=PCMU", "rtcp-mux-demux", "direction=internal", "direction=external",
                "delete-delay=0", "label=caller", "Strict_Source", "no-such-flag")));
        assertThat(r.flag("trust-address")).isTrue();
        assertThat(r.flag("sip-source-address")).isTrue();
        assertThat(r.flag("strict-source")).isTrue();
        assertThat(r.flag("no-such-flag")).as("unknown flags are kept, just not acted on").isTrue();
        assertThat(r.strings("replace")).containsExactly("origin", "session-connection");
        assertThat(r.string("ICE")).isEqualTo("remove");
        assertThat(r.string("transport-protocol")).isEqualTo("RTP/AVP");
        assertThat(r.dict("codec")).isEqualTo(Map.of("strip", List.of("PCMA"), "mask", List.of("PCMU")));
        assertThat(r.strings("rtcp-mux")).containsExactly("demux");
        assertThat(r.strings("direction")).containsExactly("internal", "external");
        assertThat(r.integer("delete-delay")).isZero();
        assertThat(r.string("label")).isEqualTo("caller");
    }

    @Test
    void flagsNeverOverrideTheDictionarysOwnKeys() {
        NgRequest r = new NgRequest(dict("ICE", "force", "flags", List.of("ICE=remove")));
        assertThat(r.string("ICE")).isEqualTo("force");
    }

    @Test
    void flagsAsOneStringAreSplit() {
        NgRequest r = new NgRequest(dict("flags", "asymmetric loop-protect"));
        assertThat(r.flag("asymmetric")).isTrue();
        assertThat(r.flag("loop-protect")).isTrue();
    }

    @Test
    void wrongTypesReadAsAbsent() {
        NgRequest r = new NgRequest(dict("command", 1L, "call-id", List.of("x"), "sdp", 5L));
        assertThat(r.command()).isNull();
        assertThat(r.string("call-id")).isNull();
        assertThat(r.string("sdp")).isNull();
        assertThat(r.yes("record-call")).isFalse();
        assertThat(new NgRequest(dict("record-call", "on")).yes("record-call")).isTrue();
    }
}

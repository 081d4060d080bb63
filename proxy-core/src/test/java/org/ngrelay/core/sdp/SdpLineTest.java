package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpLineTest {

    private static SdpLine a(String value) {
        return new SdpLine('a', value, "\r\n");
    }

    @Test
    void attributeIsMatchesTheNameBeforeTheColonOnly() {
        assertThat(a("rtpmap:0 PCMU/8000").attributeIs("rtpmap")).isTrue();
        assertThat(a("rtcp-mux").attributeIs("rtcp-mux")).isTrue();
        assertThat(a("rtcp-mux").attributeIs("rtcp")).isFalse();
        assertThat(a("rtcp:30001").attributeIs("rtcp")).isTrue();
        assertThat(a("rtcp-fb:* nack").attributeIs("rtcp")).isFalse();
        assertThat(new SdpLine('b', "rtcp:1", "").attributeIs("rtcp")).isFalse();
        for (String v : new String[] {"rtpmap:0 PCMU/8000", "rtcp-mux", "sendrecv", "x", "ptime:20"}) {
            for (String name : new String[] {"rtpmap", "rtcp", "rtcp-mux", "sendrecv", "ptime", "x"}) {
                assertThat(a(v).attributeIs(name)).as(v + " is " + name).isEqualTo(a(v).attributeName().equals(name));
            }
        }
    }

    @Test
    void directionIsTheAttributeNameWhenItIsADirection() {
        assertThat(a("sendonly").direction()).isEqualTo("sendonly");
        assertThat(a("inactive:odd").direction()).isEqualTo("inactive");
        assertThat(a("rtpmap:0 PCMU/8000").direction()).isNull();
        assertThat(a("sendrecvx").direction()).isNull();
        assertThat(new SdpLine('s', "sendrecv", "").direction()).isNull();
    }
}

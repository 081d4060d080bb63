package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginVersionTest {

    private static final String SDP = "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n";

    @Test
    void readsAndReplacesTheVersionKeepingEverythingElse() {
        assertThat(OriginVersion.version(SDP)).isEqualTo(2890844526L);
        assertThat(OriginVersion.withVersion(SDP, 2890844527L))
                .isEqualTo("v=0\r\no=alice 2890844526 2890844527 IN IP4 192.0.2.10\r\ns=-\r\n");
        assertThat(OriginVersion.withVersion("v=0\no=- 1 7 IN IP4 1.2.3.4\ns=-\n", 8)).isEqualTo("v=0\no=- 1 8 IN IP4 1.2.3.4\ns=-\n");
        assertThat(OriginVersion.body(SDP)).isEqualTo("v=0\r\ns=-\r\n");
        assertThat(OriginVersion.version("v=0\r\no=broken\r\n")).isEqualTo(-1);
        assertThat(OriginVersion.withVersion("v=0\r\n", 3)).isEqualTo("v=0\r\n");
    }
}

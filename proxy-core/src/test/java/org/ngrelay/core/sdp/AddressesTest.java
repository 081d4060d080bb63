package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void parsesLiteralsOnlyNeverNames() {
        assertThat(Addresses.parseLiteral("192.0.2.1").getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(Addresses.toText(Addresses.parseLiteral("2001:0db8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
        assertThat(Addresses.toText(Addresses.parseLiteral("[::1]"))).isEqualTo("::1");
        assertThat(Addresses.toText(Addresses.parseLiteral("::"))).isEqualTo("::");
        assertThat(Addresses.toText(Addresses.parseLiteral("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(Addresses.parseLiteral("localhost")).isNull();
        assertThat(Addresses.parseLiteral("1.2.3")).isNull();
        assertThat(Addresses.parseLiteral("1.2.3.256")).isNull();
        assertThat(Addresses.parseLiteral("1.2.3.4.5")).isNull();
        assertThat(Addresses.parseLiteral("")).isNull();
        assertThat(Addresses.parseLiteral("not.an.ip")).isNull();
        assertThat(Addresses.isAny(Addresses.parseLiteral("0.0.0.0"))).isTrue();
    }
}

package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ngrelay.core.srtp.Sdes;
import org.ngrelay.core.srtp.SdesOptions;
import org.ngrelay.core.srtp.SrtpOptions;

class CryptoLineTest {

    private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    @Test
    void readsLifetimeMkiAndSessionParameters() {
        CryptoLine c = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:32 UNENCRYPTED_SRTCP");
        assertThat(c.lifetime()).isEqualTo("2^20");
        assertThat(c.mki()).isEqualTo("1:32");
        assertThat(c.mkiBytes()).isEqualTo(32);
        assertThat(c.mkiValue()).hasSize(32).endsWith((byte) 1).startsWith((byte) 0);
        assertThat(c.has("UNENCRYPTED_SRTCP")).isTrue();
        assertThat(c.has("UNENCRYPTED_SRTP")).isFalse();
        assertThat(c.value()).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:32 UNENCRYPTED_SRTCP");
        // the MKI alone (no lifetime), and a decimal lifetime
        assertThat(CryptoLine.parse("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|7:2").mkiValue()).containsExactly(0, 7);
        assertThat(CryptoLine.parse("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|1048576").lifetime()).isEqualTo("1048576");
    }

    @Test
    void garbageIsNotALine() {
        assertThat(CryptoLine.parse("x")).isNull();
        assertThat(CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:!!notbase64")).isNull();
        assertThat(CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:0")).as("MKI of 0 bytes").isNull();
        assertThat(CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|256:1")).as("MKI value too big").isNull();
        assertThat(CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4|9")).isNull();
        // parses, but cannot be used: a short key, an unknown suite
        CryptoLine shortKey = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQ");
        assertThat(Sdes.usable(shortKey)).isNull();
        assertThat(Sdes.unusable(shortKey)).contains("22-byte key").contains("needs 30");
        assertThat(Sdes.unusable(CryptoLine.parse("2 FOO_SUITE inline:" + KEY))).contains("unknown suite FOO_SUITE");
    }

    @Test
    void anOfferersLineGoesOnAs105Writes() {
        CryptoLine offered = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4 UNENCRYPTED_SRTP");
        assertThat(Sdes.forward(offered, SdesOptions.DEFAULT).value()).as("lifetime dropped, MKI kept")
                .isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4 UNENCRYPTED_SRTP");
        SdesOptions words = new SdesOptions(false, java.util.Set.of(), java.util.Set.of(), false, true, false, true, false, false,
                true, false, false, false, false, java.util.List.of(), false, false);
        assertThat(Sdes.forward(offered, words).value()).as("encrypted_srtp removes, unencrypted_srtcp adds, lifetime 2^31")
                .isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^31|1:4 UNENCRYPTED_SRTCP");
        assertThat(Sdes.options(offered, true)).isEqualTo(SrtpOptions.of(false, true, true, 1, 4));
        assertThat(Sdes.options(offered, false)).isEqualTo(SrtpOptions.of(false, true, true, 0, 0));
    }
}

package org.ngrelay.ng.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ngrelay.core.srtp.SdesOptions;

class SdesWordsTest {

    @Test
    void everySdesWordRtpengineKnows() {
        SdesOptions o = SdesWords.parse(List.of("no-NULL_HMAC_SHA1_80", "only-AES_CM_128_HMAC_SHA1_80", "UNENCRYPTED_SRTP",
                "unencrypted_srtcp", "unauthenticated_srtp", "encrypted_srtp", "encrypted_srtcp", "authenticated_srtp", "lifetime",
                "pad", "static", "nonew", "prefer", "order:AES_256_CM_HMAC_SHA1_80,AES_CM_128_HMAC_SHA1_32", "bogus"), List.of());
        assertThat(o.off()).isFalse();
        assertThat(o.excluded()).containsExactly("NULL_HMAC_SHA1_80");
        assertThat(o.only()).containsExactly("AES_CM_128_HMAC_SHA1_80");
        assertThat(List.of(o.unencryptedSrtp(), o.unencryptedSrtcp(), o.unauthenticatedSrtp(), o.encryptedSrtp(), o.encryptedSrtcp(),
                o.authenticatedSrtp(), o.lifetime(), o.pad(), o.keepKeys(), o.noNew(), o.prefer())).containsOnly(true);
        assertThat(o.order()).containsExactly("AES_256_CM_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
        assertThat(SdesWords.parse(List.of("disable"), List.of()).off()).isTrue();
    }

    @Test
    void osrtpWordsAndTheirFlagSpellings() {
        NgRequest r = new NgRequest(java.util.Map.of("command", "offer", "flags", List.of("OSRTP-offer", "SDES-pad")));
        SdesOptions o = SdesWords.parse(r.strings("SDES"), r.strings("OSRTP"));
        assertThat(o.osrtpOffer()).isTrue();
        assertThat(o.osrtpAccept()).isFalse();
        assertThat(o.pad()).isTrue();
        assertThat(SdesWords.parse(List.of(), List.of("accept")).osrtpAccept()).isTrue();
        assertThat(SdesWords.parse(List.of(), List.of("offer-legacy")).osrtpOffer()).as("not a word 10.5 knows").isFalse();
    }
}

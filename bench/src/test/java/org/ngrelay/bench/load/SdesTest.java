package org.ngrelay.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SdesTest {

    // rtpengine 10.5's offer towards an RTP/SAVP callee (golden/rtpengine-10.5/sdes, plain-to-savp): twelve lines, then DTLS
    private static final String RTPENGINE_OFFER = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 27600 RTP/SAVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\na=rtcp:27601\r\n"
            + "a=crypto:1 AEAD_AES_256_GCM inline:CfXZmPahSoi/vSnsWeStE5qnjVTRDZ0CM058jgJ6Mg+2KnCoKWG2p29nMF4\r\n"
            + "a=crypto:2 AEAD_AES_128_GCM inline:7j4sMT0nINFsf1L0vFZvlXl269OXtqVwhC1lJQ\r\n"
            + "a=crypto:3 AES_256_CM_HMAC_SHA1_80 inline:aN/hf0yGIZGnz8ADHpIx9L7ldh5FMbI3E4hQs43XTWVelvYvhjqCtZp44mFJDQ\r\n"
            + "a=crypto:4 AES_256_CM_HMAC_SHA1_32 inline:SVcz/1aArGJ4MFP6m2HRUK1z9WLlmycm31J1Pin3Gk96zviTJGT4RGeSa7fwJg\r\n"
            + "a=crypto:5 AES_192_CM_HMAC_SHA1_80 inline:Iz6/f/FLgi7nUCS3TtKPcQ7o2k01YlTZJU0kHxDogh7Yq49iK9k\r\n"
            + "a=crypto:6 AES_192_CM_HMAC_SHA1_32 inline:5uzaYpA6wETSWLr2DhzzAn5BPo8W4aJfcuYCejqfkYwpXXfdshk\r\n"
            + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:8PRhmz0yCFth2Utsqo3eS9L4wyMJbgxfTTQvEVeX\r\n"
            + "a=crypto:8 AES_CM_128_HMAC_SHA1_32 inline:zVFKYvcKNQtznhMgF0rA5raF5qgx8pbV1NDglCLE\r\n"
            + "a=crypto:9 F8_128_HMAC_SHA1_80 inline:8dx6G/L9hQBzApHj99poEFlngfoHcN9qVuCBlKvC\r\n"
            + "a=crypto:10 F8_128_HMAC_SHA1_32 inline:BtXaFDeRvB/q3rdS0qAsljl5rsAyZpCa7vD0Qr2O\r\n"
            + "a=crypto:11 NULL_HMAC_SHA1_80 inline:Sao6GAwgBz5IrUiFYDqIV+d794F8JbWonlBPMsAn\r\n"
            + "a=crypto:12 NULL_HMAC_SHA1_32 inline:DYidqiV2Qsxo2mPgqVxDeME07jtMiRHLYUmWwHiE\r\n"
            + "a=setup:actpass\r\n"
            + "a=fingerprint:sha-256 DA:96:56:41:31:78:FB:3D:74:77:D2:AA:3C:A2:61:88:81:45:F7:DA:C9:E6:2B:F5:85:F1:E5:3A:4C:61:23:5F\r\n";

    private static String offerWith(String cryptoLines) {
        return "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/SAVP 0\r\n" + cryptoLines + "a=sendrecv\r\n";
    }

    @Test
    void picksTheSuitesLineByNameAndDecodesItsKey() {
        Sdes.Offered o = Sdes.offered(RTPENGINE_OFFER, "AES_CM_128_HMAC_SHA1_80");
        assertThat(o.tag()).isEqualTo(7);
        assertThat(o.key()).hasSize(30).isEqualTo(Base64.getDecoder().decode("8PRhmz0yCFth2Utsqo3eS9L4wyMJbgxfTTQvEVeX"));

        Sdes.Offered o32 = Sdes.offered(RTPENGINE_OFFER, "AES_CM_128_HMAC_SHA1_32");
        assertThat(o32.tag()).isEqualTo(8);
        Sdes.Offered o256 = Sdes.offered(RTPENGINE_OFFER, "AES_256_CM_HMAC_SHA1_80");
        assertThat(o256.tag()).isEqualTo(3);
        assertThat(o256.key()).hasSize(46);
    }

    @Test
    void aSuitePrefixIsNotTheSuiteAndTagsMayMove() {
        // suites added before it move its tag; _32 must not be taken for _80
        String sdp = offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:zVFKYvcKNQtznhMgF0rA5raF5qgx8pbV1NDglCLE\n"
                + "a=crypto:14 AES_CM_128_HMAC_SHA1_80 inline:8PRhmz0yCFth2Utsqo3eS9L4wyMJbgxfTTQvEVeX|2^31\n");
        Sdes.Offered o = Sdes.offered(sdp, "AES_CM_128_HMAC_SHA1_80");
        assertThat(o.tag()).isEqualTo(14);
        assertThat(o.key()).isEqualTo(Base64.getDecoder().decode("8PRhmz0yCFth2Utsqo3eS9L4wyMJbgxfTTQvEVeX"));
    }

    @Test
    void refusesWhatTheGeneratorsPolicyWouldNotDecrypt() {
        String key = "8PRhmz0yCFth2Utsqo3eS9L4wyMJbgxfTTQvEVeX";
        assertThatThrownBy(() -> Sdes.offered(offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + key + "\r\n"),
                "AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("no a=crypto line for AES_CM_128_HMAC_SHA1_80");
        assertThatThrownBy(() -> Sdes.offered(offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|2^20|1:4\r\n"),
                "AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("MKI");
        assertThatThrownBy(() -> Sdes.offered(offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + " UNENCRYPTED_SRTP\r\n"),
                "AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("session parameters");
        assertThatThrownBy(() -> Sdes.offered(offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + ";inline:" + key + "\r\n"),
                "AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("several keys");
        assertThatThrownBy(() -> Sdes.offered(offerWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:7j4sMT0nINFsf1L0vFZvlXl269OXtqVwhC1lJQ\r\n"),
                "AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("28 bytes, not 30");
        assertThatThrownBy(() -> Sdes.offered(RTPENGINE_OFFER, "AEAD_AES_128_GCM")).hasMessageContaining("supports");
    }

    @Test
    void theAnswerCarriesOneLineWithTheOfferedTagAndSuiteAndTheCalleesOwnKey() {
        Sdes.Offered o = Sdes.offered(RTPENGINE_OFFER, "AES_CM_128_HMAC_SHA1_80");
        byte[] mine = Sdes.freshKey("AES_CM_128_HMAC_SHA1_80");
        assertThat(mine).hasSize(30).isNotEqualTo(o.key()).isNotEqualTo(Sdes.freshKey("AES_CM_128_HMAC_SHA1_80"));
        String line = Sdes.answerLine(o.tag(), "AES_CM_128_HMAC_SHA1_80", mine);
        assertThat(line).matches("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}");

        String answer = Sdp.g711(new InetSocketAddress("127.0.0.1", 12244), 2000, false, "RTP/SAVP", line);
        assertThat(Sdp.audioProfile(answer)).isEqualTo("RTP/SAVP");
        assertThat(Pattern.compile("(?m)^a=crypto:").matcher(answer).results().count()).isEqualTo(1);
        // the daemon reads the answer with the same rules: the key it gets back is the callee's
        Sdes.Offered back = Sdes.offered(answer, "AES_CM_128_HMAC_SHA1_80");
        assertThat(back.tag()).isEqualTo(7);
        assertThat(back.key()).isEqualTo(mine);
        assertThat(Sdp.g711(new InetSocketAddress("127.0.0.1", 12240), 1000, true)).doesNotContain("a=crypto").contains(" RTP/AVP 0 8 101");
    }

    @Test
    void keysGoToTheGeneratorAsHex() {
        assertThat(Sdes.hex(new byte[] {0, 1, (byte) 0xab, (byte) 0xff, 0x10})).isEqualTo("0001abff10");
        assertThatThrownBy(() -> Sdes.answerLine(1, "AES_CM_128_HMAC_SHA1_80", new byte[29])).hasMessageContaining("30-byte key");
    }
}

package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-place rules of rtpengine 10.5, each checked on a small SDP (golden cases cite the source). */
class SdpRewriterTest {

    private static final InetAddress US = Addresses.parseLiteral("203.0.113.1");
    private static final String HEAD = "v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n";

    private static String rewrite(String sdp, RewriteOptions options, MediaPlan... plans) throws SdpException {
        return SdpRewriter.rewrite(SessionDescription.parse(sdp), List.of(plans), US, options);
    }

    private static MediaPlan plan(int port) {
        return new MediaPlan(US, port, port + 1, false, null, null);
    }

    @Test
    void rewritesAddressPortAndAddsRtcpRtpmapAndDirection() throws SdpException {
        String out = rewrite(HEAD + "a=tool:x\r\nm=audio 6000 RTP/AVP 0 8\r\na=x-custom:1\r\na=rtpmap:8 PCMA/8000\r\na=ptime:20\r\na=zzz\r\n",
                RewriteOptions.DEFAULT, plan(30000));
        assertThat(out).isEqualTo("v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 203.0.113.1\r\nt=0 0\r\na=tool:x\r\n"
                + "m=audio 30000 RTP/AVP 0 8\r\na=x-custom:1\r\na=zzz\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=sendrecv\r\na=rtcp:30001\r\na=ptime:20\r\n");
    }

    @Test
    void keepsEachCopiedLinesTerminatorAndPrintsAttributesWithCrlf() throws SdpException {
        String out = rewrite("v=0\no=a 1 1 IN IP4 192.0.2.10\ns=-\nc=IN IP4 192.0.2.10\nt=0 0\nm=audio 6000 RTP/AVP 0\na=sendrecv",
                RewriteOptions.DEFAULT, plan(30000));
        assertThat(out).isEqualTo("v=0\no=a 1 1 IN IP4 192.0.2.10\ns=-\nc=IN IP4 203.0.113.1\nt=0 0\nm=audio 30000 RTP/AVP 0\n"
                + "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\na=rtcp:30001\r\n");
    }

    @Test
    void sessionConnectionStaysWhenEveryMediaHasItsOwn() throws SdpException {
        String out = rewrite(HEAD + "m=audio 6000 RTP/AVP 0\r\nc=IN IP4 192.0.2.11\r\n", RewriteOptions.DEFAULT, plan(30000));
        assertThat(out).contains("\r\nc=IN IP4 192.0.2.10\r\nt=0 0").contains("m=audio 30000 RTP/AVP 0\r\nc=IN IP4 203.0.113.1\r\n");
    }

    @Test
    void holdKeepsTheZeroAddressAndSaysSendonly() throws SdpException {
        String out = rewrite(HEAD.replace("c=IN IP4 192.0.2.10", "c=IN IP4 0.0.0.0") + "m=audio 6000 RTP/AVP 0\r\na=sendrecv\r\n",
                RewriteOptions.DEFAULT, plan(30000));
        assertThat(out).contains("c=IN IP4 0.0.0.0").contains("a=sendonly\r\n").doesNotContain("sendrecv");
        RewriteOptions zero = new RewriteOptions(false, true, false, false, false, null, null, CodecRules.NONE, false);
        assertThat(rewrite(HEAD.replace("c=IN IP4 192.0.2.10", "c=IN IP4 0.0.0.0") + "m=audio 6000 RTP/AVP 0\r\n", zero, plan(30000)))
                .contains("c=IN IP4 203.0.113.1").contains("a=sendonly");
    }

    @Test
    void sessionDirectionMovesIntoTheMedia() throws SdpException {
        String out = rewrite(HEAD + "a=recvonly:ignored\r\nm=audio 6000 RTP/AVP 0\r\n", RewriteOptions.DEFAULT, plan(30000));
        assertThat(out).doesNotContain("t=0 0\r\na=recvonly").contains("a=rtpmap:0 PCMU/8000\r\na=recvonly\r\na=rtcp:30001");
    }

    @Test
    void originalSendrecvKeepsTheDirectionWhereItWas() throws SdpException {
        RewriteOptions original = new RewriteOptions(false, false, false, false, true, null, null, CodecRules.NONE, false);
        String out = rewrite(HEAD + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendonly\r\n", original, plan(30000));
        assertThat(out).contains("m=audio 30000 RTP/AVP 0\r\na=sendonly\r\na=rtpmap:0 PCMU/8000\r\na=rtcp:30001\r\n");
    }

    @Test
    void originRtcpVariantsLoopProtectAndPtime() throws SdpException {
        RewriteOptions options = new RewriteOptions(true, false, false, true, false, "0123456789ab", "30", CodecRules.NONE, false);
        String out = rewrite(HEAD + "m=audio 6000 RTP/AVP 0\r\na=rtcp:6001\r\na=ptime:20\r\n", options, plan(30000));
        assertThat(out).contains("o=alice 1 1 IN IP4 203.0.113.1\r\n").contains("t=0 0\r\na=rtpengine:0123456789ab\r\nm=audio")
                .contains("a=rtcp:30001 IN IP4 203.0.113.1\r\na=ptime:30\r\n").doesNotContain("6001");
        RewriteOptions none = new RewriteOptions(false, false, true, false, false, null, null, CodecRules.NONE, false);
        assertThat(rewrite(HEAD + "m=audio 6000 RTP/AVP 0\r\n", none, plan(30000))).doesNotContain("a=rtcp");
    }

    @Test
    void rtcpMuxAndAttributeOrder() throws SdpException {
        String media = "m=audio 6000 RTP/AVPF 0\r\na=fingerprint:sha-256 AB\r\na=setup:actpass\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:k\r\n"
                + "a=ptime:20\r\na=rtcp-mux\r\na=mid:0\r\na=ice-ufrag:u\r\na=candidate:1 1 UDP 1 192.0.2.10 6000 typ host\r\n"
                + "a=end-of-candidates\r\na=rtcp-fb:* nack\r\n";
        String out = rewrite(HEAD + media, RewriteOptions.DEFAULT, new MediaPlan(US, 30000, 30000, true, null, null));
        assertThat(out.substring(out.indexOf("m=audio"))).isEqualTo("m=audio 30000 RTP/AVPF 0\r\na=rtcp-fb:* nack\r\na=mid:0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\na=rtcp:30000\r\na=rtcp-mux\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:k\r\n"
                + "a=setup:actpass\r\na=fingerprint:sha-256 AB\r\na=ptime:20\r\n");
    }

    @Test
    void rejectedMediaKeepsOnlyItsMAndCLines() throws SdpException {
        String out = rewrite(HEAD + "m=audio 6000 RTP/AVP 0\r\nm=video 0 RTP/AVP 96\r\nc=IN IP4 192.0.2.10\r\nb=AS:64\r\na=rtpmap:96 H264/90000\r\n",
                RewriteOptions.DEFAULT, plan(30000), MediaPlan.rejected(US));
        assertThat(out).endsWith("m=video 0 RTP/AVP 96\r\nc=IN IP4 203.0.113.1\r\n");
    }

    @Test
    void answerKeepsOnlyCodecsTheOfferHad() throws SdpException {
        MediaPlan answer = new MediaPlan(US, 30000, 30001, false, "20", Set.of("0", "101"));
        String out = rewrite(HEAD + "m=audio 6000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n",
                RewriteOptions.DEFAULT, answer);
        assertThat(out).contains("m=audio 30000 RTP/AVP 0 101\r\n").doesNotContain("PCMA").contains("a=ptime:20\r\n");
    }

    @Test
    void ipv6OurSide() throws SdpException {
        InetAddress v6 = Addresses.parseLiteral("2001:db8::1");
        String out = SdpRewriter.rewrite(SessionDescription.parse(HEAD + "m=audio 6000 RTP/AVP 0\r\n"),
                List.of(new MediaPlan(v6, 30000, 30001, false, null, null)), v6, RewriteOptions.DEFAULT);
        assertThat(out).contains("c=IN IP6 2001:db8::1\r\n").contains("o=alice 1 1 IN IP4 192.0.2.10");
    }

    @Test
    void parseErrorsUseRtpenginesReasons() {
        assertThatThrownBy(() -> SessionDescription.parse("hello")).hasFieldOrPropertyWithValue("reason", "Failed to parse SDP");
        assertThatThrownBy(() -> SessionDescription.parse("o=x 1 1 IN IP4 1.2.3.4\r\n")).hasMessageContaining("v=");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nm=audio 1 RTP/AVP 0\r\n"))
                .hasFieldOrPropertyWithValue("reason", "Incomplete SDP specification");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nc=IN IP4 example.com\r\n"))
                .hasFieldOrPropertyWithValue("reason", "Failed to parse SDP");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 1/x RTP/AVP 0\r\n"))
                .hasMessageContaining("m= line");
    }

    @Test
    void multicastTtlAndRtcpAddressAreParsed() throws SdpException {
        SessionDescription sdp = SessionDescription.parse("v=0\r\nc=IN IP4 224.2.1.1/127\r\nm=audio 6000/2 RTP/AVP 0\r\na=rtcp:7001 IN IP4 192.0.2.7\r\n");
        assertThat(sdp.connection(0).address().getHostAddress()).isEqualTo("224.2.1.1");
        assertThat(sdp.media().get(0).rtcpPort()).isEqualTo(7001);
        assertThat(sdp.media().get(0).rtcpAddress().getHostAddress()).isEqualTo("192.0.2.7");
    }
}

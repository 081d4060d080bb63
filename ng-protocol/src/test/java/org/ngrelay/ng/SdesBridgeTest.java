package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpSuite;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * ngrelay terminating SDES-SRTP between a plain party and an SRTP party, both ways, over real
 * sockets: the SRTP party's packets are protected and checked with the keys the SDPs carried
 * (with this project's SRTP stack, which {@code SrtpLibsrtpInteropTest} holds to libsrtp2).
 */
@Timeout(60)
class SdesBridgeTest {

    private static final Pattern CRYPTO = Pattern.compile("(?m)^a=crypto:(\\d+) (\\S+) inline:([A-Za-z0-9+/=]+)\\r?$");
    private static final Pattern M_LINE = Pattern.compile("(?m)^m=audio (\\d+) (\\S+) ");

    private record Crypto(int tag, String suite, byte[] master) {
    }

    private static List<Crypto> crypto(String sdp) {
        List<Crypto> out = new ArrayList<>();
        Matcher m = CRYPTO.matcher(sdp);
        while (m.find()) {
            out.add(new Crypto(Integer.parseInt(m.group(1)), m.group(2), Base64.getDecoder().decode(m.group(3))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    static Map<String, Object> media(Map<String, Object> query, String tag) {
        Map<String, Object> party = cast(SdesBridgeTest.<Map<String, Object>>cast(query.get("tags")).get(tag));
        return cast(SdesBridgeTest.<List<Object>>cast(party.get("medias")).get(0));
    }

    private static String protocol(String sdp) {
        Matcher m = M_LINE.matcher(sdp);
        assertThat(m.find()).isTrue();
        return m.group(2);
    }

    private static String savp(String user, int rtp, int rtcp, String cryptoLine) {
        return Sdps.audio(user, "127.0.0.1", rtp, rtcp).replace("RTP/AVP", "RTP/SAVP") + cryptoLine;
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer buf = ByteBuffer.allocateDirect(4096);
        buf.put(b).flip();
        return buf;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static byte[] protect(SrtpContext c, byte[] plain, boolean rtcp) {
        ByteBuffer b = direct(plain);
        assertThat(rtcp ? c.protectRtcp(b) : c.protect(b)).isEqualTo(SrtpContext.OK);
        return bytes(b);
    }

    private static byte[] unprotect(SrtpContext c, byte[] packet, boolean rtcp) {
        ByteBuffer b = direct(packet);
        assertThat(rtcp ? c.unprotectRtcp(b) : c.unprotect(b)).as("the SRTP party can read what ngrelay sent").isEqualTo(SrtpContext.OK);
        return bytes(b);
    }


    @Test
    void plainCallerToAnSdesCallee() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(12900, 12949); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", "sdes-1", "from-tag", "a",
                    "transport-protocol", "RTP/SAVP", "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port())));
            assertThat(offer).containsEntry("result", "ok").doesNotContainKey("warning");
            String toB = (String) offer.get("sdp");
            assertThat(protocol(toB)).isEqualTo("RTP/SAVP");
            List<Crypto> offered = crypto(toB);
            // rtpengine 10.5's twelve lines, in its order (golden/rtpengine-10.5/sdes)
            assertThat(offered).extracting(Crypto::suite).containsExactly("AEAD_AES_256_GCM", "AEAD_AES_128_GCM",
                    "AES_256_CM_HMAC_SHA1_80", "AES_256_CM_HMAC_SHA1_32",
                    "AES_192_CM_HMAC_SHA1_80", "AES_192_CM_HMAC_SHA1_32", "AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32",
                    "F8_128_HMAC_SHA1_80", "F8_128_HMAC_SHA1_32", "NULL_HMAC_SHA1_80", "NULL_HMAC_SHA1_32");
            assertThat(offered).extracting(Crypto::tag).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(offered).extracting(c -> c.master().length).containsExactly(44, 28, 46, 46, 38, 38, 30, 30, 30, 30, 30, 30);
            Crypto chosen = offered.get(6);
            byte[] calleeKey = new byte[30];
            new java.util.Random(7).nextBytes(calleeKey);
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "sdes-1", "from-tag", "a", "to-tag", "b",
                    "sdp", savp("b", bRtp.port(), bRtcp.port(), "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:"
                            + Base64.getEncoder().encodeToString(calleeKey) + "\r\n")));
            String toA = (String) answer.get("sdp");
            assertThat(protocol(toA)).isEqualTo("RTP/AVP");
            assertThat(crypto(toA)).isEmpty();
            InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));

            SrtpContext bReads = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, chosen.master());
            SrtpContext bWrites = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, calleeKey);
            for (int seq = 1; seq <= 5; seq++) {
                byte[] plain = RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160);
                byte[] srtp = TwoPartyCall.relay(aRtp, forA, bRtp, plain);
                assertThat(srtp).as("SRTP towards B: the 10-byte tag more").hasSize(plain.length + 10);
                assertThat(unprotect(bReads, srtp, false)).isEqualTo(plain);
                byte[] fromB = RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160);
                assertThat(TwoPartyCall.relay(bRtp, forB, aRtp, protect(bWrites, fromB, false))).as("plain towards A").isEqualTo(fromB);
            }
            byte[] rr = RtpPackets.rtcpReceiverReport(0x11111111L);
            byte[] srtcp = TwoPartyCall.relay(aRtcp, new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(toA)), bRtcp, rr);
            assertThat(unprotect(bReads, srtcp, true)).isEqualTo(rr);
            byte[] bRr = RtpPackets.rtcpReceiverReport(0x22222222L);
            assertThat(TwoPartyCall.relay(bRtcp, new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(toB)), aRtcp, protect(bWrites, bRr, true)))
                    .isEqualTo(bRr);

            // a tampered packet and a replay from the SRTP side are dropped and counted; the call goes on
            byte[] again = protect(bWrites, RtpPackets.rtp(0, 6, 960, 0x22222222L, 160), false);
            byte[] tampered = again.clone();
            tampered[40] ^= 1;
            bRtp.send(tampered, forB);
            assertThat(aRtp.receive(Duration.ofMillis(300))).as("tampered: not relayed").isNull();
            assertThat(TwoPartyCall.relay(bRtp, forB, aRtp, again)).hasSize(172);
            bRtp.send(again, forB);
            assertThat(aRtp.receive(Duration.ofMillis(300))).as("replayed: not relayed").isNull();
            Map<String, Object> query = ng.request(dict("command", "query", "call-id", "sdes-1"));
            assertThat(query.toString()).contains("errors=2");
            // as 10.5 shows an SDES leg: the media flag SDES and each stream's crypto suite
            Map<String, Object> bMedia = media(query, "b");
            assertThat(SdesBridgeTest.<List<Object>>cast(bMedia.get("flags"))).contains("SDES");
            for (Object stream : SdesBridgeTest.<List<Object>>cast(bMedia.get("streams"))) {
                assertThat(SdesBridgeTest.<Map<String, Object>>cast(stream)).containsEntry("crypto suite", "AES_CM_128_HMAC_SHA1_80");
            }
            assertThat(SdesBridgeTest.<List<Object>>cast(media(query, "a").get("flags"))).doesNotContain("SDES");
            Map<String, Object> srtp = cast(SdesBridgeTest.<Map<String, Object>>cast(
                    ng.request(dict("command", "statistics")).get("statistics")).get("srtpstatistics"));
            assertThat(srtp).containsEntry("authfailures", 1L).containsEntry("replays", 1L);
        }
    }

    /** {@code SDES: [no-SUITE ...]} leaves suites out and renumbers the tags; {@code SDES: [off]} leaves SDES out, DTLS alone offered (10.5). */
    @Test
    void sdesWordsChooseTheSuitesOffered() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(12900, 12949); NgClient ng = relay.client()) {
            Map<String, Object> some = ng.request(dict("command", "offer", "call-id", "sdes-3", "from-tag", "a",
                    "transport-protocol", "RTP/SAVP", "flags", List.of("SDES-no-NULL_HMAC_SHA1_80", "SDES-no-NULL_HMAC_SHA1_32"),
                    "SDES", List.of("no-AES_256_CM_HMAC_SHA1_80"), "sdp", Sdps.audio("a", "127.0.0.1", 4000, 4001)));
            assertThat(crypto((String) some.get("sdp"))).extracting(Crypto::suite).containsExactly("AEAD_AES_256_GCM", "AEAD_AES_128_GCM",
                    "AES_256_CM_HMAC_SHA1_32", "AES_192_CM_HMAC_SHA1_80", "AES_192_CM_HMAC_SHA1_32", "AES_CM_128_HMAC_SHA1_80",
                    "AES_CM_128_HMAC_SHA1_32", "F8_128_HMAC_SHA1_80", "F8_128_HMAC_SHA1_32");
            assertThat(crypto((String) some.get("sdp"))).extracting(Crypto::tag).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
            Map<String, Object> off = ng.request(dict("command", "offer", "call-id", "sdes-4", "from-tag", "a",
                    "transport-protocol", "RTP/SAVP", "SDES", List.of("off"), "sdp", Sdps.audio("a", "127.0.0.1", 4002, 4003)));
            assertThat(protocol((String) off.get("sdp"))).isEqualTo("RTP/SAVP");
            assertThat(crypto((String) off.get("sdp"))).isEmpty();
            assertThat((String) off.get("sdp")).contains("a=setup:actpass\r\na=fingerprint:sha-256 ");
            assertThat(off).doesNotContainKey("warning");
        }
    }

    @Test
    void sdesCallerToAPlainCallee() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(12950, 12999); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            byte[] callerKey = new byte[30];
            new java.util.Random(9).nextBytes(callerKey);
            String offerSdp = savp("a", aRtp.port(), aRtcp.port(), "a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:"
                    + Base64.getEncoder().encodeToString(callerKey) + "\r\n");
            Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", "sdes-2", "from-tag", "a",
                    "transport-protocol", "RTP/AVP", "sdp", offerSdp));
            String toB = (String) offer.get("sdp");
            assertThat(protocol(toB)).isEqualTo("RTP/AVP");
            assertThat(crypto(toB)).isEmpty();
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "sdes-2", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())));
            String toA = (String) answer.get("sdp");
            assertThat(protocol(toA)).isEqualTo("RTP/SAVP");
            List<Crypto> answered = crypto(toA);
            assertThat(answered).hasSize(1);
            assertThat(answered.get(0).tag()).isEqualTo(3);
            assertThat(answered.get(0).suite()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
            assertThat(answered.get(0).master()).hasSize(30).isNotEqualTo(callerKey);
            InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));

            SrtpContext aWrites = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, callerKey);
            SrtpContext aReads = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_32, answered.get(0).master());
            for (int seq = 100; seq < 105; seq++) {
                exchange(aRtp, forA, bRtp, forB, aWrites, aReads, seq);
            }
            // a re-INVITE with the same offer: the answer keeps ngrelay's key, and media goes on where it was
            ng.request(dict("command", "offer", "call-id", "sdes-2", "from-tag", "a", "transport-protocol", "RTP/AVP", "sdp", offerSdp));
            Map<String, Object> again = ng.request(dict("command", "answer", "call-id", "sdes-2", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())));
            assertThat(crypto((String) again.get("sdp")).get(0).master()).isEqualTo(answered.get(0).master());
            for (int seq = 105; seq < 108; seq++) {
                exchange(aRtp, forA, bRtp, forB, aWrites, aReads, seq);
            }
        }
    }

    private static void exchange(UdpPeer aRtp, InetSocketAddress forA, UdpPeer bRtp, InetSocketAddress forB, SrtpContext aWrites,
                                 SrtpContext aReads, int seq) throws InterruptedException {
        byte[] fromA = RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160);
        assertThat(TwoPartyCall.relay(aRtp, forA, bRtp, protect(aWrites, fromA, false))).as("plain towards B").isEqualTo(fromA);
        byte[] fromB = RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160);
        byte[] srtp = TwoPartyCall.relay(bRtp, forB, aRtp, fromB);
        assertThat(srtp).as("SRTP towards A: a 4-byte tag").hasSize(fromB.length + 4);
        assertThat(unprotect(aReads, srtp, false)).isEqualTo(fromB);
    }
}

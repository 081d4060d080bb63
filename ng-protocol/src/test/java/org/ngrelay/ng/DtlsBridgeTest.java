package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.dtls.Fingerprint;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.DtlsPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * A plain caller and a DTLS-SRTP callee over real sockets (ports 31300-31399): the callee's
 * handshake, media both ways, and the bad input the issue names: a certificate that does not
 * match its fingerprint and a ClientHello flood, each refused and counted while another call on
 * the same relay keeps relaying.
 */
@Timeout(60)
class DtlsBridgeTest {

    private static final Pattern FINGERPRINT = Pattern.compile("(?m)^a=fingerprint:(.+?)\\r?$");

    private static Fingerprint fingerprint(String sdp) {
        Matcher m = FINGERPRINT.matcher(sdp);
        assertThat(m.find()).as("a=fingerprint in %s", sdp).isTrue();
        return Fingerprint.parse(m.group(1));
    }

    private static String dtlsAnswer(int port, String setup, Fingerprint fp) {
        return Sdps.audio("b", "127.0.0.1", port, port).replace("RTP/AVP", "UDP/TLS/RTP/SAVP")
                + "a=rtcp-mux\r\na=setup:" + setup + "\r\na=fingerprint:" + fp.attribute() + "\r\n";
    }

    private static byte[] protect(SrtpContext c, byte[] plain) {
        ByteBuffer b = ByteBuffer.allocateDirect(2048);
        b.put(plain).flip();
        assertThat(c.protect(b)).isEqualTo(SrtpContext.OK);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] unprotect(SrtpContext c, byte[] packet) {
        ByteBuffer b = ByteBuffer.allocateDirect(2048);
        b.put(packet).flip();
        assertThat(c.unprotect(b)).as("the DTLS party can read what ngrelay sent").isEqualTo(SrtpContext.OK);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Offers a plain caller's SDP as UDP/TLS/RTP/SAVP towards the callee; returns what the callee is offered. */
    private static String offer(NgClient ng, String callId, UdpPeer a) {
        Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", callId, "from-tag", "a",
                "transport-protocol", "UDP/TLS/RTP/SAVP", "rtcp-mux", List.of("offer"), "sdp", Sdps.audio("a", "127.0.0.1", a.port(), a.port() + 1)));
        assertThat(offer).containsEntry("result", "ok");
        return (String) offer.get("sdp");
    }

    @Test
    void aPlainCallerAndADtlsCalleeTalkThroughNgrelayAsServer() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(31300, 31349); NgClient ng = relay.client();
             UdpPeer a = UdpPeer.bind("127.0.0.1"); DtlsPeer b = new DtlsPeer()) {
            String toB = offer(ng, "dtls-b1", a);
            Fingerprint ngrelays = fingerprint(toB);
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "dtls-b1", "from-tag", "a", "to-tag", "b",
                    "sdp", dtlsAnswer(b.port(), "active", b.fingerprint())));
            String toA = (String) answer.get("sdp");
            assertThat(toA).contains("RTP/AVP").doesNotContain("a=fingerprint", "a=setup");
            b.start(true, forB, ngrelays); // B answered active: it is the client
            // both ends prefer AEAD_AES_256_GCM (rtpengine's order): the use_srtp profile agreed
            assertThat(b.keys.get(20, TimeUnit.SECONDS).suite().name()).isEqualTo("AEAD_AES_256_GCM");
            SrtpContext bWrites = b.writer();
            SrtpContext bReads = b.reader();
            InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                byte[] plain = RtpPackets.rtp(0, 1, 160, 0x11111111L, 160);
                a.send(plain, forA);
                return b.receiveMedia(200) != null;
            });
            for (int seq = 2; seq <= 6; seq++) {
                byte[] plain = RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160);
                a.send(plain, forA);
                byte[] srtp = b.receiveMedia(2000);
                assertThat(srtp).as("SRTP towards B").hasSize(plain.length + b.keys.join().suite().rtpTagBytes);
                assertThat(unprotect(bReads, srtp)).isEqualTo(plain);
                byte[] fromB = RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160);
                b.send(protect(bWrites, fromB));
                UdpPeer.Received got = a.receive(Duration.ofSeconds(2));
                assertThat(got).isNotNull();
                assertThat(got.data()).as("plain towards A").isEqualTo(fromB);
            }
            Map<String, Object> bMedia = SdesBridgeTest.media(ng.request(dict("command", "query", "call-id", "dtls-b1")), "b");
            assertThat(SdesBridgeTest.<List<Object>>cast(bMedia.get("flags"))).contains("DTLS-SRTP", "DTLS role passive", "rtcp-mux");
            // a re-INVITE with the same certificate and roles keeps the association: no new handshake, the same keys
            offer(ng, "dtls-b1", a);
            ng.request(dict("command", "answer", "call-id", "dtls-b1", "from-tag", "a", "to-tag", "b",
                    "sdp", dtlsAnswer(b.port(), "active", b.fingerprint())));
            byte[] later = RtpPackets.rtp(0, 7, 7 * 160L, 0x11111111L, 160);
            a.send(later, forA);
            assertThat(unprotect(bReads, b.receiveMedia(2000))).as("the same keys after the re-INVITE").isEqualTo(later);
        }
    }

    @Test
    void aCertificateThatDoesNotMatchItsFingerprintIsRefusedAndCounted() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(31350, 31399); NgClient ng = relay.client();
             UdpPeer a = UdpPeer.bind("127.0.0.1"); DtlsPeer b = new DtlsPeer(); DtlsPeer impostor = new DtlsPeer();
             TwoPartyCall other = TwoPartyCall.establish(ng, "dtls-other")) {
            String toB = offer(ng, "dtls-b2", a);
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
            // the SDP names b's certificate; the handshake comes with the impostor's
            String toA = (String) ng.request(dict("command", "answer", "call-id", "dtls-b2", "from-tag", "a", "to-tag", "b",
                    "sdp", dtlsAnswer(impostor.port(), "active", b.fingerprint()))).get("sdp");
            impostor.start(true, forB, fingerprint(toB));
            assertThat(impostor.keys).failsWithin(20, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, Object> srtp = SdesBridgeTest.cast(SdesBridgeTest.<Map<String, Object>>cast(
                        ng.request(dict("command", "statistics")).get("statistics")).get("srtpstatistics"));
                assertThat(srtp).containsEntry("dtlsfailures", 1L).containsEntry("dtlsfingerprintmismatches", 1L);
            });
            Map<String, Object> bMedia = SdesBridgeTest.media(ng.request(dict("command", "query", "call-id", "dtls-b2")), "b");
            assertThat(SdesBridgeTest.<Map<String, Object>>cast(SdesBridgeTest.<List<Object>>cast(bMedia.get("streams")).get(0)))
                    .containsEntry("DTLS state", "failed");
            // nothing reaches the impostor in the clear, and the other call relays on
            a.send(RtpPackets.rtp(0, 1, 160, 0x11111111L, 160), new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA)));
            assertThat(impostor.receiveMedia(300)).isNull();
            other.assertRtpBothWays();
        }
    }

    @Test
    void aClientHelloFloodOnOnePortIsBoundedAndOtherCallsRelayOn() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(31300, 31349); NgClient ng = relay.client();
             UdpPeer a = UdpPeer.bind("127.0.0.1"); UdpPeer flooder = UdpPeer.bind("127.0.0.1");
             TwoPartyCall other = TwoPartyCall.establish(ng, "flood-other")) {
            String toB = offer(ng, "dtls-b3", a);
            InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
            byte[] hello = new byte[200];
            hello[0] = 22; // handshake record: what a ClientHello starts with
            hello[1] = (byte) 0xfe;
            hello[2] = (byte) 0xfd;
            // before the answer: ngrelay keeps four early hellos for the handshake, the loop drops the rest and counts them
            for (int i = 0; i < 2000; i++) {
                flooder.send(hello, forB);
            }
            other.assertRtpBothWays();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(errors(ng.request(dict("command", "query", "call-id", "dtls-b3")))).isGreaterThan(100L));
            // after it: the handshake's bounded queue takes what its thread does not drain in time; the other call relays on
            try (DtlsPeer b = new DtlsPeer()) {
                ng.request(dict("command", "answer", "call-id", "dtls-b3", "from-tag", "a", "to-tag", "b",
                        "sdp", dtlsAnswer(flooder.port(), "active", b.fingerprint())));
                for (int i = 0; i < 2000; i++) {
                    flooder.send(hello, forB);
                }
                other.assertRtpBothWays();
            }
            other.assertRtpBothWays();
        }
    }

    /** An offerer whose crypto lines are all unusable but which offers DTLS is answered with DTLS, not rejected. */
    @Test
    void unusableSdesLinesBesideDtlsAreAnsweredWithDtls() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(31350, 31399); NgClient ng = relay.client(); DtlsPeer a = new DtlsPeer()) {
            String offer = Sdps.audio("a", "127.0.0.1", a.port(), a.port() + 1).replace("RTP/AVP", "RTP/SAVP")
                    + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:!!notbase64\r\na=setup:actpass\r\na=fingerprint:" + a.fingerprint().attribute() + "\r\n";
            assertThat(ng.request(dict("command", "offer", "call-id", "dtls-b4", "from-tag", "a", "transport-protocol", "RTP/AVP",
                    "sdp", offer))).containsEntry("result", "ok");
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "dtls-b4", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", 5002, 5003)));
            String toA = (String) answer.get("sdp");
            assertThat(Sdps.audioPort(toA)).as("not rejected").isNotZero();
            assertThat(toA).contains("RTP/SAVP", "a=setup:active").doesNotContain("a=crypto");
            assertThat(fingerprint(toA)).isNotNull();
        }
    }

    /** Every stream's error count in a query reply (the callee has no tag before its answer). */
    private static long errors(Map<String, Object> query) {
        long sum = 0;
        for (Object party : SdesBridgeTest.<Map<String, Object>>cast(query.get("tags")).values()) {
            for (Object media : SdesBridgeTest.<List<Object>>cast(SdesBridgeTest.<Map<String, Object>>cast(party).get("medias"))) {
                for (Object stream : SdesBridgeTest.<List<Object>>cast(SdesBridgeTest.<Map<String, Object>>cast(media).get("streams"))) {
                    Map<String, Object> stats = SdesBridgeTest.cast(SdesBridgeTest.<Map<String, Object>>cast(stream).get("stats"));
                    sum += (Long) stats.get("errors");
                }
            }
        }
        return sum;
    }
}

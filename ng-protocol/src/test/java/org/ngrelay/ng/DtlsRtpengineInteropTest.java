package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.RtpengineProcess;

/**
 * DTLS-SRTP against an independent DTLS stack: Debian's rtpengine 10.5 (OpenSSL) and ngrelay
 * (Bouncy Castle) chained on loopback, plain RTP on both outer legs and DTLS-SRTP between the two
 * daemons, once with rtpengine offering DTLS (ngrelay the client) and once with ngrelay offering
 * it (ngrelay the server). Media and RTCP must flow both ways through both decryptions.
 * rtpengine uses ports 31600-31699, ngrelay 31400-31499.
 */
@Tag("slow")
@Timeout(120)
class DtlsRtpengineInteropTest {

    private static final Pattern M_LINE = Pattern.compile("(?m)^m=audio (\\d+) (\\S+)");
    private static final Pattern SETUP = Pattern.compile("(?m)^a=setup:(\\S+)\\r?$");

    @TempDir
    Path work;

    private static String protocol(String sdp) {
        Matcher m = M_LINE.matcher(sdp);
        assertThat(m.find()).as("m= line in %s", sdp).isTrue();
        return m.group(2);
    }

    private static String setup(String sdp) {
        Matcher m = SETUP.matcher(sdp);
        return m.find() ? m.group(1) : null;
    }

    private static InetSocketAddress rtp(String sdp) {
        return new InetSocketAddress("127.0.0.1", Sdps.audioPort(sdp));
    }

    private static InetSocketAddress rtcp(String sdp) {
        return new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(sdp));
    }

    /** Sends {@code packet} until {@code receiver} gets it unchanged (the handshakes take a few round trips), 10 s at most. */
    private static void flows(UdpPeer from, InetSocketAddress to, UdpPeer receiver, byte[] packet) {
        for (int attempt = 0; attempt < 50; attempt++) {
            from.send(packet, to);
            UdpPeer.Received got = receiver.receive(Duration.ofMillis(200));
            while (got != null) {
                if (java.util.Arrays.equals(got.data(), packet)) {
                    return;
                }
                got = receiver.receive(Duration.ofMillis(50));
            }
        }
        throw new AssertionError("no packet from " + from.address() + " arrived unchanged at " + receiver.address() + " within 10 s");
    }

    private static RtpengineProcess rtpengine(Path work) throws Exception {
        if (RtpengineProcess.binary() == null) {
            assertThat(System.getenv("CI")).as("rtpengine-daemon must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("rtpengine-daemon is not installed: apt-get install -y rtpengine-daemon");
        }
        return RtpengineProcess.start(List.of("127.0.0.1"), 31600, 31699, work);
    }

    @Test
    void rtpengineOffersDtlsAndNgrelayBridgesItToPlain() throws Exception {
        try (RtpengineProcess rtpengine = rtpengine(work); NgClient re = new NgClient(rtpengine.ngAddress());
             InProcessRelay relay = new InProcessRelay(CallConfig.DEFAULTS, 31400, 31449, "127.0.0.1"); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            // A (plain) → rtpengine → DTLS → ngrelay → B (plain)
            Map<String, Object> o1 = re.request(dict("command", "offer", "call-id", "dtls-i1", "from-tag", "a",
                    "transport-protocol", "UDP/TLS/RTP/SAVP", "ICE", "remove", "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port())));
            String rtpengineToNgrelay = (String) o1.get("sdp");
            assertThat(rtpengineToNgrelay).contains("a=setup:actpass", "a=fingerprint:sha-256");
            Map<String, Object> o2 = ng.request(dict("command", "offer", "call-id", "dtls-i1", "from-tag", "a",
                    "transport-protocol", "RTP/AVP", "sdp", rtpengineToNgrelay));
            assertThat(o2).containsEntry("result", "ok").doesNotContainKey("warning");
            String toB = (String) o2.get("sdp");
            assertThat(protocol(toB)).isEqualTo("RTP/AVP");
            assertThat(toB).doesNotContain("a=fingerprint", "a=setup", "a=crypto");

            Map<String, Object> a2 = ng.request(dict("command", "answer", "call-id", "dtls-i1", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())));
            String ngrelayToRtpengine = (String) a2.get("sdp");
            assertThat(protocol(ngrelayToRtpengine)).isEqualTo("UDP/TLS/RTP/SAVP");
            assertThat(setup(ngrelayToRtpengine)).as("ngrelay answers actpass as the client").isEqualTo("active");
            assertThat(ngrelayToRtpengine).contains("a=fingerprint:sha-256").doesNotContain("a=crypto");
            Map<String, Object> a1 = re.request(dict("command", "answer", "call-id", "dtls-i1", "from-tag", "a", "to-tag", "b",
                    "sdp", ngrelayToRtpengine));
            String toA = (String) a1.get("sdp");
            assertThat(protocol(toA)).isEqualTo("RTP/AVP");

            for (int seq = 1; seq <= 3; seq++) {
                flows(aRtp, rtp(toA), bRtp, RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160));
                flows(bRtp, rtp(toB), aRtp, RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160));
            }
            flows(aRtcp, rtcp(toA), bRtcp, RtpPackets.rtcpReceiverReport(0x11111111L));
            flows(bRtcp, rtcp(toB), aRtcp, RtpPackets.rtcpReceiverReport(0x22222222L));

            Map<String, Object> aMedia = SdesBridgeTest.media(ng.request(dict("command", "query", "call-id", "dtls-i1")), "a");
            assertThat(SdesBridgeTest.<List<Object>>cast(aMedia.get("flags"))).contains("DTLS-SRTP", "DTLS role active");
            for (Object stream : SdesBridgeTest.<List<Object>>cast(aMedia.get("streams"))) {
                assertThat(SdesBridgeTest.<Map<String, Object>>cast(stream)).containsEntry("DTLS state", "connected")
                        .containsKey("crypto suite");
            }
        }
    }

    @Test
    void ngrelayOffersDtlsAndRtpengineBridgesItToPlain() throws Exception {
        try (RtpengineProcess rtpengine = rtpengine(work); NgClient re = new NgClient(rtpengine.ngAddress());
             InProcessRelay relay = new InProcessRelay(CallConfig.DEFAULTS, 31450, 31499, "127.0.0.1"); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            // A (plain) → ngrelay → DTLS → rtpengine → B (plain)
            Map<String, Object> o1 = ng.request(dict("command", "offer", "call-id", "dtls-i2", "from-tag", "a",
                    "transport-protocol", "UDP/TLS/RTP/SAVP", "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port())));
            assertThat(o1).containsEntry("result", "ok").doesNotContainKey("warning");
            String ngrelayToRtpengine = (String) o1.get("sdp");
            assertThat(protocol(ngrelayToRtpengine)).isEqualTo("UDP/TLS/RTP/SAVP");
            assertThat(setup(ngrelayToRtpengine)).isEqualTo("actpass");
            Map<String, Object> o2 = re.request(dict("command", "offer", "call-id", "dtls-i2", "from-tag", "a",
                    "transport-protocol", "RTP/AVP", "ICE", "remove", "sdp", ngrelayToRtpengine));
            String toB = (String) o2.get("sdp");
            Map<String, Object> a2 = re.request(dict("command", "answer", "call-id", "dtls-i2", "from-tag", "a", "to-tag", "b",
                    "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())));
            String rtpengineToNgrelay = (String) a2.get("sdp");
            assertThat(setup(rtpengineToNgrelay)).as("rtpengine prefers DTLS over the SDES lines and takes the client role").isEqualTo("active");
            Map<String, Object> a1 = ng.request(dict("command", "answer", "call-id", "dtls-i2", "from-tag", "a", "to-tag", "b",
                    "sdp", rtpengineToNgrelay));
            assertThat(a1).containsEntry("result", "ok");
            String toA = (String) a1.get("sdp");
            assertThat(protocol(toA)).isEqualTo("RTP/AVP");
            assertThat(toA).doesNotContain("a=fingerprint", "a=setup", "a=crypto");

            for (int seq = 1; seq <= 3; seq++) {
                flows(aRtp, rtp(toA), bRtp, RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160));
                flows(bRtp, rtp(toB), aRtp, RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160));
            }
            flows(aRtcp, rtcp(toA), bRtcp, RtpPackets.rtcpReceiverReport(0x11111111L));
            flows(bRtcp, rtcp(toB), aRtcp, RtpPackets.rtcpReceiverReport(0x22222222L));
            Map<String, Object> bMedia = SdesBridgeTest.media(ng.request(dict("command", "query", "call-id", "dtls-i2")), "b");
            assertThat(SdesBridgeTest.<List<Object>>cast(bMedia.get("flags"))).contains("DTLS-SRTP", "DTLS role passive").doesNotContain("SDES");
        }
    }
}

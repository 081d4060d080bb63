package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.LibsrtpPeer;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * An independent SRTP stack through ngrelay: the SRTP party is libsrtp2 ({@link LibsrtpPeer}),
 * the other party plain, for every suite ngrelay offers that libsrtp2 derives correctly, both
 * call directions, RTP and RTCP both ways over real sockets. Media ports 13000-13099.
 */
@Timeout(120)
class SdesLibsrtpTest {

    /** Every suite ngrelay offers, in its offer's order (tag = index + 1). */
    private static final String[] SUITES = java.util.Arrays.stream(org.ngrelay.core.srtp.SrtpSuite.values()).map(Enum::name).toArray(String[]::new);

    @BeforeAll
    static void requireLibsrtp() {
        if (!LibsrtpPeer.available()) {
            assertThat(System.getenv("CI")).as("libsrtp2-dev must be installed in CI (.ci/run does it)").isNull();
            Assumptions.abort("libsrtp2-dev is not installed: apt-get install -y libsrtp2-dev");
        }
    }

    private static byte[] inlineKey(String sdp, int tag) {
        Matcher m = Pattern.compile("(?m)^a=crypto:" + tag + " \\S+ inline:([A-Za-z0-9+/=]+)").matcher(sdp);
        assertThat(m.find()).as("a=crypto:%d in %s", tag, sdp).isTrue();
        return Base64.getDecoder().decode(m.group(1));
    }

    private static int masterBytes(String suite) {
        return org.ngrelay.core.srtp.SrtpSuite.valueOf(suite).masterBytes();
    }


    @Test
    void plainCallerToALibsrtpCalleeForEverySuite() throws InterruptedException {
        int compared = 0;
        try (InProcessRelay relay = InProcessRelay.withPorts(13000, 13099); NgClient ng = relay.client()) {
            for (int t = 0; t < SUITES.length; t++) {
                String suite = SUITES[t];
                if (!LibsrtpPeer.interoperates(suite)) {
                    continue;
                }
                int tag = t + 1;
                try (UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
                     UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
                    String callId = "libsrtp-" + suite;
                    String toB = (String) ng.request(dict("command", "offer", "call-id", callId, "from-tag", "a", "transport-protocol",
                            "RTP/SAVP", "sdp", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()))).get("sdp");
                    byte[] ngrelayKey = inlineKey(toB, tag);
                    byte[] bKey = new byte[masterBytes(suite)];
                    new Random(tag).nextBytes(bKey);
                    String answer = Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port()).replace("RTP/AVP", "RTP/SAVP")
                            + "a=crypto:" + tag + " " + suite + " inline:" + Base64.getEncoder().encodeToString(bKey) + "\r\n";
                    String toA = (String) ng.request(dict("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b",
                            "sdp", answer)).get("sdp");
                    InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
                    InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
                    try (LibsrtpPeer bReads = LibsrtpPeer.start(suite, ngrelayKey); LibsrtpPeer bWrites = LibsrtpPeer.start(suite, bKey)) {
                        for (int seq = 1; seq <= 20; seq++) {
                            byte[] plain = RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160);
                            assertThat(bReads.unprotect(TwoPartyCall.relay(aRtp, forA, bRtp, plain))).as("%s: libsrtp2 reads ngrelay's SRTP (%s)",
                                    suite, bReads.last()).isEqualTo(plain);
                            byte[] fromB = RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160);
                            assertThat(TwoPartyCall.relay(bRtp, forB, aRtp, bWrites.protect(fromB))).as("%s: ngrelay reads libsrtp2's SRTP", suite)
                                    .isEqualTo(fromB);
                        }
                        byte[] rr = RtpPackets.rtcpReceiverReport(0x11111111L);
                        assertThat(bReads.unprotectRtcp(TwoPartyCall.relay(aRtcp, new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(toA)), bRtcp, rr)))
                                .as("%s: SRTCP towards libsrtp2", suite).isEqualTo(rr);
                        byte[] bRr = RtpPackets.rtcpReceiverReport(0x22222222L);
                        assertThat(TwoPartyCall.relay(bRtcp, new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(toB)), aRtcp, bWrites.protectRtcp(bRr)))
                                .as("%s: SRTCP from libsrtp2", suite).isEqualTo(bRr);
                    }
                    ng.request(dict("command", "delete", "call-id", callId));
                    compared++;
                }
            }
        }
        assertThat(compared).as("suites compared with libsrtp2").isGreaterThanOrEqualTo(8);
    }

    @Test
    void libsrtpCallerToAPlainCalleeForEverySuite() throws InterruptedException {
        int compared = 0;
        try (InProcessRelay relay = InProcessRelay.withPorts(13000, 13099); NgClient ng = relay.client()) {
            for (String suite : SUITES) {
                if (!LibsrtpPeer.interoperates(suite)) {
                    continue;
                }
                try (UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
                     UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
                    String callId = "libsrtp-in-" + suite;
                    byte[] aKey = new byte[masterBytes(suite)];
                    new Random(suite.hashCode()).nextBytes(aKey);
                    String offer = Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()).replace("RTP/AVP", "RTP/SAVP")
                            + "a=crypto:9 " + suite + " inline:" + Base64.getEncoder().encodeToString(aKey) + "\r\n";
                    String toB = (String) ng.request(dict("command", "offer", "call-id", callId, "from-tag", "a", "transport-protocol",
                            "RTP/AVP", "sdp", offer)).get("sdp");
                    Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b",
                            "sdp", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())));
                    String toA = (String) answer.get("sdp");
                    byte[] ngrelayKey = inlineKey(toA, 9);
                    InetSocketAddress forA = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toA));
                    InetSocketAddress forB = new InetSocketAddress("127.0.0.1", Sdps.audioPort(toB));
                    try (LibsrtpPeer aWrites = LibsrtpPeer.start(suite, aKey); LibsrtpPeer aReads = LibsrtpPeer.start(suite, ngrelayKey)) {
                        for (int seq = 65530; seq < 65550; seq++) {
                            byte[] plain = RtpPackets.rtp(0, seq & 0xffff, seq * 160L, 0x11111111L, 160);
                            assertThat(TwoPartyCall.relay(aRtp, forA, bRtp, aWrites.protect(plain))).as("%s: ngrelay reads libsrtp2's SRTP", suite)
                                    .isEqualTo(plain);
                            byte[] fromB = RtpPackets.rtp(0, seq & 0xffff, seq * 160L, 0x22222222L, 160);
                            assertThat(aReads.unprotect(TwoPartyCall.relay(bRtp, forB, aRtp, fromB))).as("%s: libsrtp2 reads ngrelay's SRTP (%s)",
                                    suite, aReads.last()).isEqualTo(fromB);
                        }
                    }
                    ng.request(dict("command", "delete", "call-id", callId));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(8);
    }
}

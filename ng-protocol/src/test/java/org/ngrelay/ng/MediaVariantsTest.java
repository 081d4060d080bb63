package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/** IPv6 legs, two media sections, RTCP multiplexed on one side only, JSON over the same socket. */
@Timeout(30)
class MediaVariantsTest {

    private static final Pattern M = Pattern.compile("(?m)^m=(\\w+) (\\d+) ");

    @Test
    void ipv4CallerToIpv6CalleeWithAudioAndVideo() throws Exception {
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 22600, 22799, "127.0.0.1", "::1");
             NgClient ng = relay.client();
             UdpPeer callerAudio = UdpPeer.bind("127.0.0.1");
             UdpPeer callerVideo = UdpPeer.bind("127.0.0.1");
             UdpPeer calleeAudio = UdpPeer.bind("::1");
             UdpPeer calleeVideo = UdpPeer.bind("::1")) {
            String offerSdp = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + callerAudio.port() + " RTP/AVP 0\r\nm=video " + callerVideo.port() + " RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
            Map<String, Object> offer = ng.request(dict("command", "offer", "call-id", "v6", "from-tag", "a",
                    "address family", "IP6", "sdp", offerSdp));
            String toCallee = (String) offer.get("sdp");
            assertThat(toCallee).contains("c=IN IP6 ::1\r\n").contains("o=a 1 1 IN IP4 127.0.0.1");
            int[] calleeSide = ports(toCallee);
            String answerSdp = "v=0\r\no=b 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\n"
                    + "m=audio " + calleeAudio.port() + " RTP/AVP 0\r\nm=video " + calleeVideo.port() + " RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
            Map<String, Object> answer = ng.request(dict("command", "answer", "call-id", "v6", "from-tag", "a", "to-tag", "b", "sdp", answerSdp));
            String toCaller = (String) answer.get("sdp");
            assertThat(toCaller).contains("c=IN IP4 127.0.0.1\r\n");
            int[] callerSide = ports(toCaller);

            InetSocketAddress v4 = new InetSocketAddress("127.0.0.1", callerSide[0]);
            InetSocketAddress v6 = new InetSocketAddress("::1", calleeSide[0]);
            TwoPartyCall.assertDelivered(callerAudio, v4, calleeAudio, v6, RtpPackets.rtp(0, 1, 0, 1, 160));
            TwoPartyCall.assertDelivered(calleeAudio, v6, callerAudio, v4, RtpPackets.rtp(0, 1, 0, 2, 160));
            InetSocketAddress v4Video = new InetSocketAddress("127.0.0.1", callerSide[1]);
            InetSocketAddress v6Video = new InetSocketAddress("::1", calleeSide[1]);
            TwoPartyCall.assertDelivered(callerVideo, v4Video, calleeVideo, v6Video, RtpPackets.rtp(96, 1, 0, 3, 1000));
            TwoPartyCall.assertDelivered(calleeVideo, v6Video, callerVideo, v4Video, RtpPackets.rtp(96, 1, 0, 4, 1000));
        }
    }

    @Test
    void rtcpMuxedByTheCallerIsDemuxedForTheCallee() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(22800, 22899);
             NgClient ng = relay.client();
             TwoPartyCall call = new TwoPartyCall("mux")) {
            String offerSdp = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + call.callerRtp.port() + " RTP/AVP 0\r\na=rtcp-mux\r\n";
            String toCallee = (String) ng.request(dict("command", "offer", "call-id", "mux", "from-tag", TwoPartyCall.FROM_TAG,
                    "rtcp-mux", List.of("demux"), "sdp", offerSdp)).get("sdp");
            assertThat(toCallee).doesNotContain("a=rtcp-mux");
            call.relayForCallee = new InetSocketAddress("127.0.0.1", ports(toCallee)[0]);
            call.relayForCalleeRtcp = new InetSocketAddress("127.0.0.1", ports(toCallee)[0] + 1);
            call.answer(ng);
            // demux: the caller keeps mux (rtpengine 10.5 accepts it back), RTCP on its RTP port.
            assertThat(call.answerSdp).contains("a=rtcp:" + call.relayForCaller.getPort() + "\r\na=rtcp-mux\r\n");
            byte[] rtcp = RtpPackets.rtcpReceiverReport(1);
            TwoPartyCall.assertDelivered(call.callerRtp, call.relayForCaller, call.calleeRtcp, call.relayForCalleeRtcp, rtcp);
            TwoPartyCall.assertDelivered(call.calleeRtcp, call.relayForCalleeRtcp, call.callerRtp, call.relayForCaller, rtcp);
            TwoPartyCall.assertDelivered(call.callerRtp, call.relayForCaller, call.calleeRtp, call.relayForCallee, RtpPackets.rtp(0, 1, 0, 1, 160));
        }
    }

    @Test
    void srtpIsTerminatedAndAProtocolChangeNgrelayCannotMakeIsNeverSilent() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(22900, 22999);
             NgClient ng = relay.client()) {
            String savp = "v=0\r\no=a 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                    + "m=audio 5000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\n";
            Map<String, Object> reply = ng.request(dict("command", "offer", "call-id", "savp", "from-tag", "a",
                    "transport-protocol", "RTP/AVP", "sdp", savp));
            assertThat(reply).containsEntry("result", "ok").doesNotContainKey("warning");
            assertThat((String) reply.get("sdp")).contains("RTP/AVP 0").doesNotContain("a=crypto");
            // plain → DTLS-SRTP: UDP/TLS/RTP/SAVPF with SDES lines and DTLS offered, as 10.5
            Map<String, Object> dtls = ng.request(dict("command", "offer", "call-id", "dtls", "from-tag", "a",
                    "transport-protocol", "UDP/TLS/RTP/SAVPF", "sdp", savp.replace("RTP/SAVP", "RTP/AVP")));
            assertThat((String) dtls.get("sdp")).contains("UDP/TLS/RTP/SAVPF 0", "a=crypto:1 ", "a=setup:actpass", "a=fingerprint:sha-256");
            assertThat(dtls).doesNotContainKey("warning");
            // a protocol ngrelay has no bridge for is left as offered, with a warning
            Map<String, Object> udptl = ng.request(dict("command", "offer", "call-id", "udptl", "from-tag", "a",
                    "transport-protocol", "UDP/TLS/RTP/SAVPF", "sdp", savp.replace("m=audio 5000 RTP/SAVP 0", "m=image 5000 udptl t38")));
            assertThat((String) udptl.get("sdp")).contains("udptl t38");
            assertThat((String) udptl.get("warning")).contains("UDP/TLS/RTP/SAVPF").contains("udptl");
            Map<String, Object> avpf = ng.request(dict("command", "offer", "call-id", "avpf", "from-tag", "a",
                    "transport-protocol", "RTP/AVPF", "sdp", savp.replace("RTP/SAVP", "RTP/AVP")));
            assertThat((String) avpf.get("sdp")).contains("RTP/AVPF 0");
            assertThat(avpf).doesNotContainKey("warning");
        }
    }

    @Test
    void jsonRequestsAreAnsweredInJson() throws Exception {
        try (InProcessRelay relay = InProcessRelay.withPorts(22900, 22999);
             NgClient ng = relay.client()) {
            byte[] reply = ng.raw(NgClient.newCookie(), "{\"command\":\"ping\"}".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("{\"result\":\"pong\"}");
            String offer = "{\"command\":\"offer\",\"call-id\":\"j\",\"from-tag\":\"a\",\"sdp\":\"v=0\\r\\nc=IN IP4 127.0.0.1\\r\\nm=audio 5000 RTP/AVP 0\\r\\n\"}";
            String text = new String(ng.raw(NgClient.newCookie(), offer.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("{\"sdp\":\"v=0\\r\\nc=IN IP4 127.0.0.1\\r\\nm=audio ").endsWith("\"result\":\"ok\"}");
        }
    }

    private static int[] ports(String sdp) {
        Matcher m = M.matcher(sdp);
        int[] out = new int[2];
        int i = 0;
        while (m.find() && i < 2) {
            out[i++] = Integer.parseInt(m.group(2));
        }
        return out;
    }
}

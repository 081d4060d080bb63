package org.ngrelay.ng.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;

/**
 * A caller and a callee with real RTP and RTCP sockets on loopback, set up through ngrelay with
 * offer and answer over the ng socket, like a SIP proxy does.
 */
public final class TwoPartyCall implements AutoCloseable {

    public static final String FROM_TAG = "caller-tag";
    public static final String TO_TAG = "callee-tag";
    private static final Duration WAIT = Duration.ofSeconds(2);

    public final String callId;
    public final UdpPeer callerRtp = UdpPeer.bind("127.0.0.1");
    public final UdpPeer callerRtcp = UdpPeer.bind("127.0.0.1");
    public final UdpPeer calleeRtp = UdpPeer.bind("127.0.0.1");
    public final UdpPeer calleeRtcp = UdpPeer.bind("127.0.0.1");
    /** Where ngrelay wants the caller's media (from the answer SDP). */
    public InetSocketAddress relayForCaller;
    public InetSocketAddress relayForCallerRtcp;
    /** Where ngrelay wants the callee's media (from the offer SDP). */
    public InetSocketAddress relayForCallee;
    public InetSocketAddress relayForCalleeRtcp;
    public String offerSdp;
    public String answerSdp;
    private int sequence;

    public TwoPartyCall(String callId) {
        this.callId = callId;
    }

    public static TwoPartyCall establish(NgTransport ng, String callId) {
        TwoPartyCall call = new TwoPartyCall(callId);
        call.offer(ng);
        call.answer(ng);
        return call;
    }

    public Map<String, Object> offer(NgTransport ng) {
        Map<String, Object> reply = ng.request(NgClient.dict("command", "offer", "call-id", callId, "from-tag", FROM_TAG,
                "sdp", Sdps.audio("caller", "127.0.0.1", callerRtp.port(), callerRtcp.port()),
                "supports", java.util.List.of("load limit"), "received-from", java.util.List.of("IP4", "127.0.0.1")));
        assertThat(reply).containsEntry("result", "ok");
        offerSdp = (String) reply.get("sdp");
        relayForCallee = new InetSocketAddress(Sdps.connectionAddress(offerSdp), Sdps.audioPort(offerSdp));
        relayForCalleeRtcp = new InetSocketAddress(Sdps.connectionAddress(offerSdp), Sdps.rtcpPort(offerSdp));
        return reply;
    }

    public Map<String, Object> answer(NgTransport ng) {
        Map<String, Object> reply = ng.request(NgClient.dict("command", "answer", "call-id", callId, "from-tag", FROM_TAG,
                "to-tag", TO_TAG, "sdp", Sdps.audio("callee", "127.0.0.1", calleeRtp.port(), calleeRtcp.port())));
        assertThat(reply).containsEntry("result", "ok");
        answerSdp = (String) reply.get("sdp");
        relayForCaller = new InetSocketAddress(Sdps.connectionAddress(answerSdp), Sdps.audioPort(answerSdp));
        relayForCallerRtcp = new InetSocketAddress(Sdps.connectionAddress(answerSdp), Sdps.rtcpPort(answerSdp));
        return reply;
    }

    /** Sends one RTP packet each way and checks it arrives intact, from ngrelay's advertised port. */
    public void assertRtpBothWays() {
        assertDelivered(callerRtp, relayForCaller, calleeRtp, relayForCallee, RtpPackets.rtp(0, ++sequence, 160L * sequence, 0x11111111L, 160));
        assertDelivered(calleeRtp, relayForCallee, callerRtp, relayForCaller, RtpPackets.rtp(0, ++sequence, 160L * sequence, 0x22222222L, 160));
    }

    public void assertRtcpBothWays() {
        assertDelivered(callerRtcp, relayForCallerRtcp, calleeRtcp, relayForCalleeRtcp, RtpPackets.rtcpReceiverReport(0x11111111L));
        assertDelivered(calleeRtcp, relayForCalleeRtcp, callerRtcp, relayForCallerRtcp, RtpPackets.rtcpReceiverReport(0x22222222L));
    }

    /** {@code from} sends {@code packet} to ngrelay at {@code to}; returns what {@code receiver} got (it must get something). */
    public static byte[] relay(UdpPeer from, InetSocketAddress to, UdpPeer receiver, byte[] packet) {
        from.send(packet, to);
        UdpPeer.Received got = receiver.receive(WAIT);
        assertThat(got).as("packet relayed from %s via %s", from.address(), to).isNotNull();
        return got.data();
    }

    /**
     * {@code from} sends {@code packet} to ngrelay at {@code to}; {@code receiver} must get the
     * same bytes from {@code expectedSource} (symmetric RTP: the port advertised to it).
     */
    public static void assertDelivered(UdpPeer from, InetSocketAddress to, UdpPeer receiver, InetSocketAddress expectedSource,
                                       byte[] packet) {
        from.send(packet, to);
        UdpPeer.Received got = receiver.receive(WAIT);
        assertThat(got).as("packet relayed from %s via %s", from.address(), to).isNotNull();
        assertThat(got.data()).isEqualTo(packet);
        assertThat(got.from()).isEqualTo(expectedSource);
    }

    @Override
    public void close() {
        callerRtp.close();
        callerRtcp.close();
        calleeRtp.close();
        calleeRtcp.close();
    }
}

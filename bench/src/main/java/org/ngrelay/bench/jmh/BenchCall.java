package org.ngrelay.bench.jmh;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.core.call.OfferAnswer;
import org.ngrelay.core.call.SdpResult;
import org.ngrelay.core.iface.InterfaceSpec;
import org.ngrelay.core.iface.Interfaces;
import org.ngrelay.core.net.MediaLoopGroup;
import org.ngrelay.core.net.PacketHandler;
import org.ngrelay.core.sdp.SdpException;
import org.ngrelay.core.sdp.SessionDescription;
import org.ngrelay.ng.codec.BodyFormat;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.command.NgRequest;

/**
 * A two-party call set up through the production {@link CallManager} on an {@link InlineMediaLoop}
 * (offer from the caller, answer from the callee, as {@code TwoPartyCall} does in the tests), and the
 * two local sockets of its RTP path: the one the caller sends to, and the one relayed packets leave.
 */
final class BenchCall implements AutoCloseable {

    static final String CALLER_TAG = KamailioOffer.FROM_TAG;
    static final String CALLEE_TAG = KamailioOffer.TO_TAG;
    /** No timeout of any kind: nothing may end the call under a benchmark (the loop never ticks anyway). */
    static final CallConfig NO_TIMEOUTS = new CallConfig(0, 0, 0, 0, 0, 0);
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

    final InlineMediaLoop loop;
    final CallManager calls;
    final String callId;
    /** ngrelay's socket for the caller's RTP (from the answer SDP): the caller's packets arrive here. */
    final InlineMediaLoop.BenchSocket callerSide;
    /** ngrelay's socket for the callee's RTP (from the offer SDP): relayed packets leave from here. */
    final InlineMediaLoop.BenchSocket calleeSide;
    /** Where the callee receives (its answer SDP); every relayed packet must go there. */
    final InetSocketAddress calleeEndpoint;
    final String offerSdp;
    final String answerSdp;

    private BenchCall(InlineMediaLoop loop, CallManager calls, String callId, String offerSdp, String answerSdp,
                      InetSocketAddress calleeEndpoint) {
        this.loop = loop;
        this.calls = calls;
        this.callId = callId;
        this.offerSdp = offerSdp;
        this.answerSdp = answerSdp;
        this.calleeEndpoint = calleeEndpoint;
        this.callerSide = loop.socketOnPort(audioPort(answerSdp));
        this.calleeSide = loop.socketOnPort(audioPort(offerSdp));
    }

    /** A call manager over {@code loop} alone, relaying on {@code interfaceSpec} with ports in the range. */
    static CallManager callManager(InlineMediaLoop loop, String interfaceSpec, int portMin, int portMax) {
        Interfaces interfaces = new Interfaces(List.of(InterfaceSpec.parse(interfaceSpec)), portMin, portMax);
        return new CallManager(NO_TIMEOUTS, interfaces, new MediaLoopGroup(loop));
    }

    /**
     * Offer (the typical Kamailio SDP, caller at {@code callerIp:callerPort}) and answer (callee at
     * {@code callee}), driving {@link CallManager} directly with {@link OfferAnswer} requests.
     */
    static BenchCall establish(InlineMediaLoop loop, String interfaceSpec, int portMin, int portMax,
                               String callerIp, int callerPort, InetSocketAddress callee) throws SdpException {
        CallManager calls = callManager(loop, interfaceSpec, portMin, portMax);
        String callId = "relay-" + KamailioOffer.CALL_ID;
        String callerSdp = KamailioOffer.sdp("20017", callerIp, callerPort, "0 8 101",
                "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n");
        String calleeSdp = KamailioOffer.sdp("7340", callee.getAddress().getHostAddress(), callee.getPort(), "0 101",
                "a=rtpmap:0 PCMU/8000\r\n");
        SdpResult offer = calls.offer(OfferAnswer.simple(new Dialog(callId, CALLER_TAG, null, null),
                SessionDescription.parse(callerSdp))).join();
        SdpResult answer = calls.answer(OfferAnswer.simple(new Dialog(callId, CALLER_TAG, CALLEE_TAG, null),
                SessionDescription.parse(calleeSdp))).join();
        return new BenchCall(loop, calls, callId, offer.sdp(), answer.sdp(), callee);
    }

    PacketHandler callerRtpHandler() {
        return callerSide.handler();
    }

    /** The caller's RTP stream as {@code query} shows it (packets, bytes and errors the caller sent). */
    CallSnapshot.Stream callerRtpStream() {
        CallSnapshot snapshot = calls.query(Dialog.of(callId)).join();
        for (CallSnapshot.Party p : snapshot.parties()) {
            if (CALLER_TAG.equals(p.tag())) {
                for (CallSnapshot.Stream s : p.medias().get(0).streams()) {
                    if (!s.rtcp()) {
                        return s;
                    }
                }
            }
        }
        throw new IllegalStateException("call " + callId + " has no RTP stream for " + CALLER_TAG + ": " + snapshot);
    }

    static int audioPort(String sdp) {
        Matcher m = AUDIO_PORT.matcher(sdp);
        if (!m.find()) {
            throw new IllegalStateException("no m=audio line in " + sdp);
        }
        return Integer.parseInt(m.group(1));
    }

    /** 12-byte RTP header (V=2, PT 0 PCMU) and 160 bytes of µ-law silence: one 20 ms G.711 packet. */
    static ByteBuffer pcmuPacket(boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(2048) : ByteBuffer.allocate(2048);
        b.put((byte) 0x80).put((byte) 0).putShort((short) 4711).putInt(160 * 4711).putInt(0x1234abcd);
        for (int i = 0; i < 160; i++) {
            b.put((byte) 0xff);
        }
        b.flip();
        if (b.remaining() != 172) {
            throw new IllegalStateException("PCMU packet is " + b.remaining() + " bytes");
        }
        return b;
    }

    /**
     * What ngrelay answers to the typical Kamailio offer, through the production path from the
     * decoded dictionary on ({@link NgRequest}, {@code Commands}' offer handler, {@link CallManager}),
     * on a counting loop relaying on {@code interfaceSpec}.
     */
    static Map<String, Object> offerReply(String interfaceSpec) throws NgFormatException {
        byte[] body = KamailioOffer.body();
        Map<String, Object> dict = BodyFormat.BENCODE.decode(body, 0, body.length);
        CallManager calls = callManager(InlineMediaLoop.counting(), interfaceSpec, 30000, 30099);
        Map<String, Object> reply = new Commands(calls).handler("offer").apply(new NgRequest(dict)).join();
        if (!"ok".equals(reply.get("result")) || !(reply.get("sdp") instanceof String)) {
            throw new IllegalStateException("the typical offer was not answered ok: " + reply);
        }
        return reply;
    }

    @Override
    public void close() {
        loop.shutdown();
    }
}

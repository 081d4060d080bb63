package org.ngrelay.bench.jmh;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.core.sdp.CodecRules;
import org.ngrelay.core.sdp.MediaPlan;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.sdp.OriginVersion;
import org.ngrelay.core.sdp.RewriteOptions;
import org.ngrelay.core.sdp.SdpException;
import org.ngrelay.core.sdp.SdpRewriter;
import org.ngrelay.core.sdp.SessionDescription;
import org.ngrelay.ng.codec.NgFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What ngrelay does to the SDP of the typical Kamailio offer ({@code replace: [origin,
 * session-connection]}, {@code ICE: remove}, {@code transport-protocol: RTP/AVP}): parse it
 * ({@code OfferAnswerParser}), then {@code Call.offer}'s SDP work — the codec rules, the per-media
 * reads and the {@link MediaPlan}s, {@link SdpRewriter#rewrite}, and {@code Call.sdpVersion}'s
 * {@link OriginVersion#body}/{@link OriginVersion#version} of the result. The setup checks that this
 * gives byte for byte the SDP the production {@code CallManager} answers to the same offer, so the
 * benchmark breaks if it stops mirroring {@code Call.offer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SdpBenchmark {

    private static final String INTERFACE = "203.0.113.7";
    /** {@code replace: [origin, session-connection]}; the rest as rtpengine's defaults (OfferAnswerParser). */
    private static final RewriteOptions OPTIONS =
            new RewriteOptions(true, false, false, false, false, null, null, CodecRules.NONE, false);

    private String sdpText;
    private InetAddress advertised;
    private int rtpPort;
    private SessionDescription parsed;
    private List<MediaPlan> plans;

    @Setup(Level.Trial)
    public void setUp() throws SdpException, NgFormatException {
        sdpText = KamailioOffer.SDP;
        advertised = Addresses.parseLiteral(INTERFACE);
        String expected = (String) BenchCall.offerReply(INTERFACE).get("sdp");
        rtpPort = BenchCall.audioPort(expected);
        parsed = SessionDescription.parse(sdpText);
        plans = List.of(plan());
        String rewritten = SdpRewriter.rewrite(parsed, plans, advertised, OPTIONS);
        String full = sdpOfOffer(null);
        if (!expected.equals(rewritten) || !expected.equals(full)) {
            throw new IllegalStateException("the benchmark's SDP differs from what CallManager answers:\n--- CallManager\n"
                    + expected + "--- rewrite\n" + rewritten + "--- offerSdp\n" + full);
        }
        if (expected.contains(KamailioOffer.CALLER_IP + "\r\nt=") || !expected.contains("o=- 20017 20017 IN IP4 " + INTERFACE)) {
            throw new IllegalStateException("replace-origin / c= rewrite did not happen:\n" + expected);
        }
    }

    private MediaPlan plan() {
        // Call.offer on a first offer without rtcp-mux: our address, the callee-side port pair,
        // a=rtcp on port+1, no ptime carried over, every codec, protocol as offered.
        return new MediaPlan(advertised, rtpPort, rtpPort + 1, false, null, null, null);
    }

    @Benchmark
    public SessionDescription parseOffer() throws SdpException {
        return SessionDescription.parse(sdpText);
    }

    /** {@link SdpRewriter#rewrite} alone, on the parsed offer and its plan. */
    @Benchmark
    public String rewriteOffer() {
        return SdpRewriter.rewrite(parsed, plans, advertised, OPTIONS);
    }

    /** Parse and everything {@code Call.offer} does with the SDP, as in production. */
    @Benchmark
    public String offerSdp(Blackhole bh) throws SdpException {
        return sdpOfOffer(bh);
    }

    private String sdpOfOffer(Blackhole bh) throws SdpException {
        SessionDescription sdp = SessionDescription.parse(sdpText);
        List<MediaPlan> list = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            // Call.describe's reads of the sender's section
            InetAddress address = sdp.connection(i).address();
            boolean v6 = address instanceof Inet6Address;
            boolean zero = Addresses.isAny(address);
            String direction = sdp.direction(i);
            String firstDirection = sdp.firstDirection(i);
            int rtcpPort = m.rtcpPort();
            InetAddress rtcpAddress = m.rtcpAddress();
            boolean mux = m.hasAttribute("rtcp-mux");
            List<String> offered = OPTIONS.codecs().apply(m);
            if (bh != null) {
                bh.consume(v6);
                bh.consume(zero);
                bh.consume(direction);
                bh.consume(firstDirection);
                bh.consume(rtcpPort);
                bh.consume(rtcpAddress);
                bh.consume(mux);
                bh.consume(offered);
                bh.consume(m.ptime());
                bh.consume(m.formats());
            }
            if (m.rejected()) {
                list.add(MediaPlan.rejected(advertised));
                continue;
            }
            list.add(new MediaPlan(advertised, rtpPort, rtpPort + 1, mux, null, null, null));
        }
        String out = SdpRewriter.rewrite(sdp, list, list.get(0).address(), OPTIONS);
        // Call.sdpVersion runs these on every offer, with or without replace: [SDP-version]
        String body = OriginVersion.body(out);
        long version = OriginVersion.version(out);
        if (bh != null) {
            bh.consume(body);
            bh.consume(version);
        }
        return out;
    }
}

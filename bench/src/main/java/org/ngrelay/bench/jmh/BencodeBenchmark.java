package org.ngrelay.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ngrelay.ng.codec.BodyFormat;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.command.NgRequest;
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

/**
 * The ng codec ngrelay uses in production ({@link BodyFormat#BENCODE}, dampcake underneath) on the
 * typical Kamailio offer: decoding the datagram's body as {@code NgProcessor} does (offset past the
 * cookie, so the body is copied first, as in production), decoding plus building the
 * {@link NgRequest} ({@code NgProcessor}'s next step), encoding the offer dictionary (the encoder
 * writes keys sorted, so the bytes are the canonical form of Kamailio's, not its order), and
 * encoding the reply ngrelay really gives to that offer ({@code sdp}, {@code result}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BencodeBenchmark {

    private byte[] datagram;
    private int bodyOffset;
    private int bodyLength;
    private Map<String, Object> offer;
    private Map<String, Object> offerReply;

    @Setup(Level.Trial)
    public void setUp() throws NgFormatException {
        datagram = KamailioOffer.datagram();
        bodyOffset = KamailioOffer.COOKIE.length() + 1;
        bodyLength = datagram.length - bodyOffset;
        if (BodyFormat.of(datagram[bodyOffset]) != BodyFormat.BENCODE) {
            throw new IllegalStateException("the offer is not taken for bencode");
        }
        offer = BodyFormat.BENCODE.decode(datagram, bodyOffset, bodyLength);
        // Fail loudly if the decoder does not see what Kamailio sent, key order included.
        List<String> keys = List.of("sdp", "ICE", "flags", "replace", "transport-protocol", "call-id", "via-branch",
                "received-from", "supports", "from-tag", "command");
        if (!List.copyOf(offer.keySet()).equals(keys) || !KamailioOffer.SDP.equals(offer.get("sdp"))
                || !List.of("origin", "session-connection").equals(offer.get("replace"))) {
            throw new IllegalStateException("decoded offer differs from what was sent: " + offer);
        }
        // The encoder writes dictionary keys sorted (canonical bencode, as dampcake does), not in
        // Kamailio's order: the same entries and length, maybe another byte order. Either is fine.
        byte[] reencoded = BodyFormat.BENCODE.encode(offer);
        if (reencoded.length != bodyLength || !BodyFormat.BENCODE.decode(reencoded, 0, reencoded.length).equals(offer)) {
            throw new IllegalStateException("encoding the decoded offer does not give the same dictionary back: "
                    + new String(reencoded, StandardCharsets.ISO_8859_1));
        }
        NgRequest request = new NgRequest(offer);
        if (!"offer".equals(request.command()) || !request.flag("trust-address")) {
            throw new IllegalStateException("NgRequest did not understand the offer");
        }
        offerReply = BenchCall.offerReply("203.0.113.7");
        if (!List.copyOf(offerReply.keySet()).equals(List.of("sdp", "result"))) {
            throw new IllegalStateException("unexpected offer reply shape: " + offerReply);
        }
    }

    /** {@code NgProcessor.handle}: {@code format.decode(datagram, offset, length)}. */
    @Benchmark
    public Map<String, Object> decodeOffer() throws NgFormatException {
        return BodyFormat.BENCODE.decode(datagram, bodyOffset, bodyLength);
    }

    /** Decode and the typed view of it ({@code new NgRequest(dict)}: key and flag normalisation). */
    @Benchmark
    public NgRequest decodeOfferToRequest() throws NgFormatException {
        return new NgRequest(BodyFormat.BENCODE.decode(datagram, bodyOffset, bodyLength));
    }

    @Benchmark
    public byte[] encodeOffer() {
        return BodyFormat.BENCODE.encode(offer);
    }

    /** The reply body {@code NgProcessor.frame} encodes for the offer (the cookie is prepended after). */
    @Benchmark
    public byte[] encodeOfferReply() {
        return BodyFormat.BENCODE.encode(offerReply);
    }
}

package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngrelay.ng.testing.NgClient.dict;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpOptions;
import org.ngrelay.core.srtp.SrtpSuite;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.Sdps;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;
import org.ngrelay.ng.testing.TwoPartyCall;

/**
 * What the SDES words and lines that change the media do to the packets on the wire, over real
 * sockets (media ports 31000-31149): session parameters, MKI, SDES ↔ SDES passthrough and
 * re-encryption, and a re-key. Each peer reads and writes with an {@link SrtpContext} built from
 * the key and parameters the other side's SDP carried. Suites are found by name, never by tag.
 */
@Timeout(60)
class SdesMediaTest {

    private static final Pattern CRYPTO = Pattern.compile("(?m)^a=crypto:(\\d+) (\\S+) inline:([A-Za-z0-9+/=]+)(\\S*)( [^\\r\\n]*)?\\r?$");
    private static final Duration QUIET = Duration.ofMillis(300);

    private record Line(int tag, String suite, byte[] master, String keyParams, String sessionParams) {
    }

    private static List<Line> lines(String sdp) {
        List<Line> out = new ArrayList<>();
        Matcher m = CRYPTO.matcher(sdp);
        while (m.find()) {
            out.add(new Line(Integer.parseInt(m.group(1)), m.group(2), Base64.getDecoder().decode(m.group(3)), m.group(4),
                    m.group(5) == null ? "" : m.group(5).trim()));
        }
        return out;
    }

    private static Line bySuite(String sdp, String suite) {
        return lines(sdp).stream().filter(l -> l.suite().equals(suite)).findFirst().orElseThrow();
    }

    private static String savp(String user, UdpPeer rtp, UdpPeer rtcp, String... crypto) {
        StringBuilder b = new StringBuilder(Sdps.audio(user, "127.0.0.1", rtp.port(), rtcp.port()).replace("RTP/AVP", "RTP/SAVP"));
        for (String c : crypto) {
            b.append("a=crypto:").append(c).append("\r\n");
        }
        return b.toString();
    }

    private static byte[] key(int seed, SrtpSuite suite) {
        byte[] k = new byte[suite.masterBytes()];
        new Random(seed).nextBytes(k);
        return k;
    }

    private static String b64(byte[] k) {
        return Base64.getEncoder().encodeToString(k);
    }

    private static byte[] run(SrtpContext c, byte[] packet, boolean protect, boolean rtcp) {
        ByteBuffer b = ByteBuffer.allocateDirect(4096).put(packet).flip();
        int status = rtcp ? (protect ? c.protectRtcp(b) : c.unprotectRtcp(b)) : (protect ? c.protect(b) : c.unprotect(b));
        assertThat(status).as("%s %s", protect ? "protect" : "unprotect", SrtpContext.reason(status)).isEqualTo(SrtpContext.OK);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static InetSocketAddress at(String sdp) {
        return new InetSocketAddress("127.0.0.1", Sdps.audioPort(sdp));
    }

    private static InetSocketAddress rtcpAt(String sdp) {
        return new InetSocketAddress("127.0.0.1", Sdps.rtcpPort(sdp));
    }

    private static Map<String, Object> offer(NgClient ng, String callId, String sdp, Object... extra) {
        Object[] kv = new Object[8 + extra.length];
        System.arraycopy(new Object[] {"command", "offer", "call-id", callId, "from-tag", "a", "sdp", sdp}, 0, kv, 0, 8);
        System.arraycopy(extra, 0, kv, 8, extra.length);
        Map<String, Object> reply = ng.request(dict(kv));
        assertThat(reply).containsEntry("result", "ok");
        return reply;
    }

    private static Map<String, Object> answer(NgClient ng, String callId, String sdp) {
        Map<String, Object> reply = ng.request(dict("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b", "sdp", sdp));
        assertThat(reply).containsEntry("result", "ok");
        return reply;
    }

    /**
     * {@code SDES: [unencrypted_srtp, unencrypted_srtcp]}: ngrelay's packets towards the SRTP party
     * carry the payload in the clear but are still authenticated, and its SRTCP says E=0; a packet
     * from the party with a broken tag is still dropped.
     */
    @Test
    void unencryptedWordsLeaveThePayloadInTheClearButAuthenticated() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(31000, 31029); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            String toB = (String) offer(ng, "unenc", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()), "transport-protocol",
                    "RTP/SAVP", "SDES", List.of("unencrypted_srtp", "unencrypted_srtcp")).get("sdp");
            assertThat(lines(toB)).isNotEmpty().allSatisfy(l -> assertThat(l.sessionParams()).isEqualTo("UNENCRYPTED_SRTP UNENCRYPTED_SRTCP"));
            SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            Line ours = bySuite(toB, suite.name());
            byte[] bKey = key(1, suite);
            String toA = (String) answer(ng, "unenc", savp("b", bRtp, bRtcp, ours.tag() + " " + suite.name() + " inline:" + b64(bKey)
                    + " UNENCRYPTED_SRTP UNENCRYPTED_SRTCP")).get("sdp");
            SrtpOptions clear = SrtpOptions.of(false, false, true, 0, 0);
            SrtpContext bReads = new SrtpContext(suite, ours.master(), clear);
            SrtpContext bWrites = new SrtpContext(suite, bKey, clear);

            byte[] plain = RtpPackets.rtp(0, 1, 160, 0x11111111L, 160);
            byte[] wire = TwoPartyCall.relay(aRtp, at(toA), bRtp, plain);
            assertThat(wire).as("the 10-byte tag more").hasSize(plain.length + 10);
            assertThat(Arrays.copyOf(wire, plain.length)).as("header and payload in the clear").isEqualTo(plain);
            assertThat(run(bReads, wire, false, false)).isEqualTo(plain);

            byte[] rr = RtpPackets.rtcpReceiverReport(0x11111111L);
            byte[] srtcp = TwoPartyCall.relay(aRtcp, rtcpAt(toA), bRtcp, rr);
            assertThat(srtcp[rr.length] & 0x80).as("SRTCP E flag: not encrypted").isZero();
            assertThat(Arrays.copyOf(srtcp, rr.length)).isEqualTo(rr);
            assertThat(run(bReads, srtcp, false, true)).isEqualTo(rr);

            byte[] fromB = RtpPackets.rtp(0, 1, 160, 0x22222222L, 160);
            byte[] protectedByB = run(bWrites, fromB, true, false);
            assertThat(Arrays.copyOf(protectedByB, fromB.length)).isEqualTo(fromB);
            byte[] broken = protectedByB.clone();
            broken[20] ^= 1;
            bRtp.send(broken, at(toB));
            assertThat(aRtp.receive(QUIET)).as("a changed payload fails authentication: dropped").isNull();
            assertThat(TwoPartyCall.relay(bRtp, at(toB), aRtp, protectedByB)).isEqualTo(fromB);
        }
    }

    /** {@code SDES: [unauthenticated_srtp]}: no tag on ngrelay's SRTP, the payload encrypted. */
    @Test
    void unauthenticatedWordLeavesTheTagOff() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(31030, 31059); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            String toB = (String) offer(ng, "unauth", Sdps.audio("a", "127.0.0.1", aRtp.port(), aRtcp.port()), "transport-protocol",
                    "RTP/SAVP", "flags", List.of("SDES-unauthenticated_srtp")).get("sdp");
            SrtpSuite suite = SrtpSuite.AES_256_CM_HMAC_SHA1_80;
            Line ours = bySuite(toB, suite.name());
            assertThat(ours.sessionParams()).isEqualTo("UNAUTHENTICATED_SRTP");
            byte[] bKey = key(2, suite);
            String toA = (String) answer(ng, "unauth", savp("b", bRtp, bRtcp, ours.tag() + " " + suite.name() + " inline:" + b64(bKey)
                    + " UNAUTHENTICATED_SRTP")).get("sdp");
            SrtpOptions noTag = SrtpOptions.of(true, true, false, 0, 0);
            byte[] plain = RtpPackets.rtp(0, 7, 1120, 0x11111111L, 160);
            byte[] wire = TwoPartyCall.relay(aRtp, at(toA), bRtp, plain);
            assertThat(wire).as("no tag").hasSize(plain.length);
            assertThat(Arrays.copyOfRange(wire, 12, wire.length)).as("encrypted").isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
            assertThat(run(new SrtpContext(suite, ours.master(), noTag), wire, false, false)).isEqualTo(plain);
            byte[] fromB = RtpPackets.rtp(0, 7, 1120, 0x22222222L, 160);
            assertThat(TwoPartyCall.relay(bRtp, at(toB), aRtp, run(new SrtpContext(suite, bKey, noTag), fromB, true, false))).isEqualTo(fromB);
        }
    }

    /**
     * An offered MKI ({@code inline:KEY|2^20|1:4}): the caller's packets carry it and ngrelay reads
     * them; the answer line has no MKI (as 10.5's), so ngrelay's packets to the caller carry none.
     */
    @Test
    void anOfferersMkiPacketsUnprotect() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(31060, 31089); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            byte[] aKey = key(3, suite);
            String toB = (String) offer(ng, "mki", savp("a", aRtp, aRtcp, "1 " + suite.name() + " inline:" + b64(aKey) + "|2^20|1:4"),
                    "transport-protocol", "RTP/AVP").get("sdp");
            String toA = (String) answer(ng, "mki", Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port())).get("sdp");
            Line answered = lines(toA).get(0);
            assertThat(answered.keyParams()).as("no lifetime, no MKI in the answer").isEmpty();
            SrtpContext aWrites = new SrtpContext(suite, aKey, SrtpOptions.of(true, true, true, 1, 4));
            byte[] fromA = RtpPackets.rtp(0, 3, 480, 0x11111111L, 160);
            byte[] withMki = run(aWrites, fromA, true, false);
            assertThat(Arrays.copyOfRange(withMki, fromA.length, fromA.length + 4)).as("the MKI on the wire").containsExactly(0, 0, 0, 1);
            assertThat(TwoPartyCall.relay(aRtp, at(toA), bRtp, withMki)).isEqualTo(fromA);
            byte[] fromB = RtpPackets.rtp(0, 3, 480, 0x22222222L, 160);
            byte[] toAWire = TwoPartyCall.relay(bRtp, at(toB), aRtp, fromB);
            assertThat(toAWire).as("no MKI towards the caller").hasSize(fromB.length + 10);
            assertThat(run(new SrtpContext(suite, answered.master()), toAWire, false, false)).isEqualTo(fromB);
        }
    }

    /**
     * SDES ↔ SDES: the callee answers on one of ngrelay's own lines (another suite), so ngrelay
     * decrypts the caller's packets with the caller's key and encrypts them with its line's key,
     * and the other way with the key it answered the caller; query shows each leg's suite. Then a
     * second call whose callee answers on the caller's own line: the packets pass byte for byte.
     */
    @Test
    void sdesToSdesReEncryptsOrPassesThrough() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(31090, 31119); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            SrtpSuite aSuite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            SrtpSuite bSuite = SrtpSuite.AES_256_CM_HMAC_SHA1_80;
            byte[] aKey = key(4, aSuite);
            String toB = (String) offer(ng, "s2s", savp("a", aRtp, aRtcp, "1 " + aSuite.name() + " inline:" + b64(aKey))).get("sdp");
            assertThat(lines(toB).get(0).master()).as("the caller's line first, its key").isEqualTo(aKey);
            Line ours = bySuite(toB, bSuite.name());
            assertThat(ours.tag()).isGreaterThan(1);
            byte[] bKey = key(5, bSuite);
            String toA = (String) answer(ng, "s2s", savp("b", bRtp, bRtcp, ours.tag() + " " + bSuite.name() + " inline:" + b64(bKey))).get("sdp");
            Line answered = lines(toA).get(0);
            assertThat(answered.tag()).isEqualTo(1);
            assertThat(answered.suite()).isEqualTo(aSuite.name());
            assertThat(answered.master()).isNotEqualTo(aKey).isNotEqualTo(bKey);

            SrtpContext aWrites = new SrtpContext(aSuite, aKey);
            SrtpContext aReads = new SrtpContext(aSuite, answered.master());
            SrtpContext bWrites = new SrtpContext(bSuite, bKey);
            SrtpContext bReads = new SrtpContext(bSuite, ours.master());
            for (int seq = 10; seq < 15; seq++) {
                byte[] fromA = RtpPackets.rtp(0, seq, seq * 160L, 0x11111111L, 160);
                byte[] atB = TwoPartyCall.relay(aRtp, at(toA), bRtp, run(aWrites, fromA, true, false));
                assertThat(run(bReads, atB, false, false)).as("re-encrypted for the callee").isEqualTo(fromA);
                byte[] fromB = RtpPackets.rtp(0, seq, seq * 160L, 0x22222222L, 160);
                byte[] atA = TwoPartyCall.relay(bRtp, at(toB), aRtp, run(bWrites, fromB, true, false));
                assertThat(run(aReads, atA, false, false)).as("re-encrypted for the caller").isEqualTo(fromB);
            }
            byte[] rr = RtpPackets.rtcpReceiverReport(0x11111111L);
            assertThat(run(bReads, TwoPartyCall.relay(aRtcp, rtcpAt(toA), bRtcp, run(aWrites, rr, true, true)), false, true)).isEqualTo(rr);
            String query = ng.request(dict("command", "query", "call-id", "s2s")).toString();
            assertThat(query).contains("crypto suite=" + aSuite.name()).contains("crypto suite=" + bSuite.name());

            // the callee takes the caller's own line: same keys end to end, nothing to decrypt
            offer(ng, "pass", savp("a", aRtp, aRtcp, "1 " + aSuite.name() + " inline:" + b64(aKey)));
            String toA2 = (String) answer(ng, "pass", savp("b", bRtp, bRtcp, "1 " + aSuite.name() + " inline:" + b64(key(6, aSuite))))
                    .get("sdp");
            assertThat(lines(toA2).get(0).master()).as("the callee's own line goes back").isEqualTo(key(6, aSuite));
            assertThat(ng.request(dict("command", "query", "call-id", "pass")).toString()).contains("SDES")
                    .contains("crypto suite=" + aSuite.name());
            byte[] srtp = run(new SrtpContext(aSuite, aKey), RtpPackets.rtp(0, 1, 160, 0x33333333L, 160), true, false);
            assertThat(TwoPartyCall.relay(aRtp, at(toA2), bRtp, srtp)).as("passed byte for byte").isEqualTo(srtp);
        }
    }

    /**
     * A re-INVITE with the same key keeps the contexts (the replay window remembers); one with a
     * new key gets a new context: the new key's packets pass, the old key's are dropped.
     */
    @Test
    void aReInviteWithANewKeyStartsANewContext() throws InterruptedException {
        try (InProcessRelay relay = InProcessRelay.withPorts(31120, 31149); NgClient ng = relay.client();
             UdpPeer aRtp = UdpPeer.bind("127.0.0.1"); UdpPeer aRtcp = UdpPeer.bind("127.0.0.1");
             UdpPeer bRtp = UdpPeer.bind("127.0.0.1"); UdpPeer bRtcp = UdpPeer.bind("127.0.0.1")) {
            SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            byte[] oldKey = key(7, suite);
            byte[] newKey = key(8, suite);
            String plainB = Sdps.audio("b", "127.0.0.1", bRtp.port(), bRtcp.port());
            offer(ng, "rekey", savp("a", aRtp, aRtcp, "1 " + suite.name() + " inline:" + b64(oldKey)), "transport-protocol", "RTP/AVP");
            String toA = (String) answer(ng, "rekey", plainB).get("sdp");
            SrtpContext oldWrites = new SrtpContext(suite, oldKey);
            byte[] first = run(oldWrites, RtpPackets.rtp(0, 1, 160, 0x11111111L, 160), true, false);
            assertThat(TwoPartyCall.relay(aRtp, at(toA), bRtp, first)).hasSize(172);

            offer(ng, "rekey", savp("a", aRtp, aRtcp, "1 " + suite.name() + " inline:" + b64(oldKey)), "transport-protocol", "RTP/AVP");
            answer(ng, "rekey", plainB);
            aRtp.send(first, at(toA));
            assertThat(bRtp.receive(QUIET)).as("same key: the context, and its replay window, are kept").isNull();

            offer(ng, "rekey", savp("a", aRtp, aRtcp, "1 " + suite.name() + " inline:" + b64(newKey)), "transport-protocol", "RTP/AVP");
            String toA2 = (String) answer(ng, "rekey", plainB).get("sdp");
            assertThat(lines(toA2).get(0).master()).as("ngrelay's own key stays").isEqualTo(lines(toA).get(0).master());
            aRtp.send(run(oldWrites, RtpPackets.rtp(0, 2, 320, 0x11111111L, 160), true, false), at(toA));
            assertThat(bRtp.receive(QUIET)).as("the old key no longer authenticates").isNull();
            byte[] plain = RtpPackets.rtp(0, 3, 480, 0x11111111L, 160);
            assertThat(TwoPartyCall.relay(aRtp, at(toA), bRtp, run(new SrtpContext(suite, newKey), plain, true, false))).isEqualTo(plain);
        }
    }
}

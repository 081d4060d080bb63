package org.ngrelay.ng.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ngrelay.core.testing.RtpPackets;
import org.ngrelay.core.testing.UdpPeer;

/**
 * Calls that send RTP with gaps and RTCP with known loss, jitter and LSR/DLSR through a daemon
 * (ngrelay or rtpengine 10.5) over real sockets, and return what the daemon reports. The timing
 * and the packets are those of {@code golden/rtpengine-10.5/rtcp-quality/}'s scripts, so the
 * figures can be compared with the recorded ones; given several daemons, the same call goes
 * through each and every packet to all of them back to back, so they see the same timing.
 */
public final class RtcpScenario {

    /** What the caller sends (SSRC), and the callee. */
    public static final long CALLER = 0x11111111L;
    public static final long CALLEE = 0x22222222L;
    private static final Duration QUIET = Duration.ofMillis(150);

    private RtcpScenario() {
    }

    /**
     * 50 RTP packets each way with sequence 10, 11 and 30 missing; then twice, 1.4 s apart: both
     * send an SR, and 0.2 s later an RR about the other naming that SR (the caller's first), its
     * DLSR the time since the SR less 99 ms (so each leg's round-trip time is 99 ms whatever the scheduler adds, and the
     * MOS is not near a step): the caller reports fraction 25/256, 3 lost, jitter 80; the callee
     * 12/256, 1 lost, jitter 160. rtpengine 10.5 gave MOS 3.0 and 3.6 for these figures.
     *
     * @return per daemon, {@code query}'s {@code SSRC} dictionary after the second round
     */
    public static List<Object> receiverReports(List<? extends NgTransport> daemons, String callId) throws InterruptedException {
        try (Calls calls = new Calls(daemons, callId)) {
            calls.rtp(50, 20, 10, 11, 30);
            for (int k = 0; k < 2; k++) {
                long callerNtp = 0xe0005678L + k;
                long calleeNtp = 0xe0001234L + k;
                calls.fromCallee(sr(CALLEE, calleeNtp, 0x56780000L, new byte[0], 0));
                calls.fromCaller(sr(CALLER, callerNtp, 0x12340000L, new byte[0], 0));
                long srSentNs = System.nanoTime();
                Thread.sleep(200);
                calls.fromCaller(rr(CALLER, block(CALLEE, 25, 3, 49, 80, middle(calleeNtp, 0x56780000L), dlsr(srSentNs, 99))));
                // apart, so that every daemon reads the caller's report first (the order decides whose MOS lacks the other leg)
                Thread.sleep(30);
                calls.fromCallee(rr(CALLEE, block(CALLER, 12, 1, 49, 160, middle(callerNtp, 0x12340000L), dlsr(srSentNs, 99))));
                Thread.sleep(1170);
            }
            return calls.query();
        }
    }

    /**
     * Compound packets: SR with one report block + SDES each way, three rounds 1.4 s apart (the
     * first with LSR 0, later ones naming the other's SR of the round before); then an RR with LSR
     * 0 (discarded) and, 1.1 s later, one with an LSR that names no SR (block without leg RTT).
     */
    public static List<Object> compoundReports(List<? extends NgTransport> daemons, String callId) throws InterruptedException {
        try (Calls calls = new Calls(daemons, callId)) {
            calls.rtp(40, 5);
            for (int k = 0; k < 3; k++) {
                long lsrCallee = k == 0 ? 0 : middle(0xe0001000L + k - 1, 0x50000000L);
                long lsrCaller = k == 0 ? 0 : middle(0xe0002000L + k - 1, 0x60000000L);
                calls.fromCallee(concat(sr(CALLEE, 0xe0001000L + k, 0x50000000L,
                        block(CALLER, 51, 7, 39, 240, lsrCaller, k == 0 ? 0 : 13107), 1), sdes(CALLEE)));
                Thread.sleep(300);
                calls.fromCaller(concat(sr(CALLER, 0xe0002000L + k, 0x60000000L,
                        block(CALLEE, 3, 2, 39, 40, lsrCallee, k == 0 ? 0 : 6554), 1), sdes(CALLER)));
                Thread.sleep(1100);
            }
            calls.fromCaller(rr(CALLER, block(CALLEE, 100, 9, 39, 400, 0, 0)));
            Thread.sleep(1100);
            calls.fromCaller(rr(CALLER, block(CALLEE, 100, 9, 39, 400, 0x12345678L, 100)));
            Thread.sleep(100);
            return calls.query();
        }
    }

    /**
     * RR + XR VoIP metrics (round-trip delay 150 ms) each way, in both orders; then five broken
     * RTCP packets from the caller (truncated SR, RR whose length runs past the datagram, RR
     * claiming a block it lacks, version 1, APP shorter than its name).
     *
     * @return per daemon: {@code SSRC} → the dictionary; {@code relayed} → how many of the broken
     *         packets reached the callee; {@code rtcp errors} → the caller's RTCP stream's error
     *         count (RTP is checked to go through after them)
     */
    public static List<Map<String, Object>> extendedAndBrokenReports(List<? extends NgTransport> daemons, String callId)
            throws InterruptedException {
        try (Calls calls = new Calls(daemons, callId)) {
            calls.rtp(40, 5);
            calls.fromCallee(sr(CALLEE, 0xe0003000L, 0x70000000L, new byte[0], 0));
            calls.fromCaller(sr(CALLER, 0xe0004000L, 0x80000000L, new byte[0], 0));
            long srSentNs = System.nanoTime();
            Thread.sleep(250);
            calls.fromCaller(concat(rr(CALLER, block(CALLEE, 0, 0, 39, 16, middle(0xe0003000L, 0x70000000L), dlsr(srSentNs, 150))),
                    xrVoipMetrics(CALLER, CALLEE, 150)));
            Thread.sleep(30);
            calls.fromCallee(concat(xrVoipMetrics(CALLEE, CALLER, 150),
                    rr(CALLEE, block(CALLER, 0, 0, 39, 16, middle(0xe0004000L, 0x80000000L), dlsr(srSentNs, 150)))));
            Thread.sleep(200);
            List<Map<String, Object>> out = new ArrayList<>();
            for (TwoPartyCall call : calls.calls) {
                call.calleeRtcp.drain(QUIET);
                call.callerRtcp.drain(QUIET);
                for (byte[] broken : broken()) {
                    call.callerRtcp.send(broken, call.relayForCallerRtcp);
                }
                int relayed = call.calleeRtcp.drain(Duration.ofMillis(300));
                call.assertRtpBothWays();
                Map<String, Object> q = calls.ng.get(out.size()).request(NgClient.dict("command", "query", "call-id", callId));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("SSRC", q.get("SSRC"));
                result.put("relayed", relayed);
                result.put("rtcp errors", callerStreamErrors(q));
                out.add(result);
            }
            return out;
        }
    }

    /** The same call through each daemon; every packet goes to all of them back to back. */
    private static final class Calls implements AutoCloseable {
        final List<? extends NgTransport> ng;
        final List<TwoPartyCall> calls = new ArrayList<>();
        final String callId;

        Calls(List<? extends NgTransport> ng, String callId) {
            this.ng = ng;
            this.callId = callId;
            for (NgTransport t : ng) {
                calls.add(TwoPartyCall.establish(t, callId));
            }
        }

        void fromCaller(byte[] rtcp) {
            for (TwoPartyCall c : calls) {
                c.callerRtcp.send(rtcp, c.relayForCallerRtcp);
            }
        }

        void fromCallee(byte[] rtcp) {
            for (TwoPartyCall c : calls) {
                c.calleeRtcp.send(rtcp, c.relayForCalleeRtcp);
            }
        }

        /** {@code count} PCMU packets each way, {@code gapMs} apart, leaving out the sequence numbers {@code missing}. */
        void rtp(int count, int gapMs, int... missing) throws InterruptedException {
            for (int seq = 0; seq < count; seq++) {
                if (contains(missing, seq)) {
                    continue;
                }
                for (TwoPartyCall c : calls) {
                    c.callerRtp.send(RtpPackets.rtp(0, seq, seq * 160L, CALLER, 160), c.relayForCaller);
                    c.calleeRtp.send(RtpPackets.rtp(0, seq, seq * 160L, CALLEE, 160), c.relayForCallee);
                }
                Thread.sleep(gapMs);
            }
            for (TwoPartyCall c : calls) {
                c.callerRtp.drain(QUIET);
                c.calleeRtp.drain(QUIET);
            }
        }

        List<Object> query() {
            List<Object> out = new ArrayList<>();
            for (NgTransport t : ng) {
                out.add(t.request(NgClient.dict("command", "query", "call-id", callId)).get("SSRC"));
            }
            return out;
        }

        @Override
        public void close() {
            calls.forEach(TwoPartyCall::close);
        }
    }

    /** The five broken packets of {@link #extendedAndBrokenReports}. */
    public static byte[][] broken() {
        return new byte[][] {
            {(byte) 0x80, (byte) 0xc8, 0, 6, 0x11},
            concat(new byte[] {(byte) 0x80, (byte) 0xc9, 0, 0x40}, new byte[20]),
            {(byte) 0x81, (byte) 0xc9, 0, 1, 0x12, 0x34, 0x56, 0x78},
            {0x40, (byte) 0xc8, 0, 1, 0, 0, 0, 0},
            {(byte) 0x80, (byte) 0xcc, 0, 1, 'a', 'b', 'c', 'd'},
        };
    }

    @SuppressWarnings("unchecked")
    private static long callerStreamErrors(Map<String, Object> query) {
        Map<String, Object> tags = (Map<String, Object>) query.get("tags");
        Map<String, Object> caller = (Map<String, Object>) tags.get(TwoPartyCall.FROM_TAG);
        Map<String, Object> media = ((List<Map<String, Object>>) caller.get("medias")).get(0);
        Map<String, Object> rtcp = ((List<Map<String, Object>>) media.get("streams")).get(1);
        return (Long) ((Map<String, Object>) rtcp.get("stats")).get("errors");
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** DLSR (1/65536 s) for a report sent now about an SR sent at {@code srSentNs}, so that the leg's RTT is {@code legMs}. */
    private static long dlsr(long srSentNs, int legMs) {
        return (System.nanoTime() - srSentNs - legMs * 1_000_000L) * 65536 / 1_000_000_000L;
    }

    /** The middle 32 bits of an NTP timestamp: what an RR's LSR echoes. */
    public static long middle(long ntpMsw, long ntpLsw) {
        return ((ntpMsw << 16) | (ntpLsw >>> 16)) & 0xffffffffL;
    }

    public static byte[] block(long about, int fraction, int cumulative, long highestSeq, long jitter, long lsr, long dlsr) {
        return ByteBuffer.allocate(24).putInt((int) about).putInt(fraction << 24 | (cumulative & 0xffffff)).putInt((int) highestSeq)
                .putInt((int) jitter).putInt((int) lsr).putInt((int) dlsr).array();
    }

    public static byte[] sr(long sender, long ntpMsw, long ntpLsw, byte[] blocks, int count) {
        ByteBuffer b = ByteBuffer.allocate(28 + blocks.length);
        b.put((byte) (0x80 | count)).put((byte) 200).putShort((short) ((28 + blocks.length) / 4 - 1)).putInt((int) sender)
                .putInt((int) ntpMsw).putInt((int) ntpLsw).putInt(8000).putInt(47).putInt(47 * 160).put(blocks);
        return b.array();
    }

    public static byte[] rr(long sender, byte[] block) {
        ByteBuffer b = ByteBuffer.allocate(8 + block.length);
        b.put((byte) (0x80 | block.length / 24)).put((byte) 201).putShort((short) ((8 + block.length) / 4 - 1)).putInt((int) sender).put(block);
        return b.array();
    }

    /** SDES with one CNAME item ("hello"), padded to a word. */
    public static byte[] sdes(long sender) {
        byte[] item = {1, 5, 'h', 'e', 'l', 'l', 'o', 0, 0, 0, 0, 0};
        ByteBuffer b = ByteBuffer.allocate(8 + item.length);
        b.put((byte) 0x81).put((byte) 202).putShort((short) ((8 + item.length) / 4 - 1)).putInt((int) sender).put(item);
        return b.array();
    }

    /** XR with one VoIP metrics block (RFC 3611 §4.7) about {@code about}, round-trip delay {@code rttMs}. */
    public static byte[] xrVoipMetrics(long sender, long about, int rttMs) {
        ByteBuffer b = ByteBuffer.allocate(8 + 36);
        b.put((byte) 0x80).put((byte) 207).putShort((short) (44 / 4 - 1)).putInt((int) sender);
        b.put((byte) 7).put((byte) 0).putShort((short) 8).putInt((int) about).put(new byte[] {10, 0, 0, 0})
                .putShort((short) 0).putShort((short) 0).putShort((short) rttMs).putShort((short) 0).put(new byte[16]);
        return b.array();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

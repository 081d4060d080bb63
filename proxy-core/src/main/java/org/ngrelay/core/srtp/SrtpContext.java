package org.ngrelay.core.srtp;

import java.nio.ByteBuffer;

/**
 * One direction of one stream's SRTP and SRTCP (RFC 3711): {@link #protect}/{@link #protectRtcp}
 * towards an SRTP party, or {@link #unprotect}/{@link #unprotectRtcp} from one. Works in place on
 * the packet between position and limit: protect encrypts the payload and appends the tag (the
 * buffer needs room behind its limit), unprotect checks the tag and the replay window, decrypts
 * and drops the tag. Keeps the roll-over counter (RFC 3711 Appendix A) and a 64-packet replay
 * window per direction; a new SSRC starts them afresh. Media loop only; nothing is allocated per
 * packet (the packet is worked on in its thread's {@link SrtpScratch}).
 */
public final class SrtpContext {

    public static final int OK = 0;
    public static final int TOO_SHORT = 1;
    public static final int AUTH_FAILED = 2;
    public static final int REPLAYED = 3;

    private static final String[] REASONS = {"ok", "too short", "authentication failed", "replayed"};

    private static final int WINDOW = 64;
    private static final int MAX_PACKET = 65536;
    private final SrtpSuite suite;
    private final SrtpOptions options;
    /** The suite family's cipher and tag (AES-CM, f8, NULL: HMAC-SHA1; GCM: AEAD). */
    private final SrtpTransform transform;
    private final int rtpTrailer;
    private final int rtcpTrailer;


    // RTP index state (sender's or receiver's): SSRC, roll-over counter, highest sequence, replay bits
    private long ssrc = -1;
    private long roc;
    private int highestSeq;
    private long replayBits;
    /** No packet of this SSRC authenticated yet. */
    private boolean fresh = true;
    // SRTCP: the next index to send; received: the highest index and replay bits
    /** The next SRTCP index: libsrtp sends 1 first (its known-answer vector), and so does this. */
    private int rtcpIndex = 1;
    private long rtcpSsrc = -1;
    private long rtcpHighest = -1;
    private long rtcpReplayBits;

    private long authFailures;
    private long replays;

    public SrtpContext(SrtpSuite suite, byte[] master) {
        this(suite, master, SrtpOptions.DEFAULT);
    }

    public SrtpContext(SrtpSuite suite, byte[] master, SrtpOptions options) {
        this(suite, SrtpKeys.derive(suite, master, false), SrtpKeys.derive(suite, master, true), options);
    }

    /** From session keys (the RFC test vectors give those, not master keys). */
    SrtpContext(SrtpSuite suite, SrtpKeys rtp, SrtpKeys rtcp, SrtpOptions options) {
        this.suite = suite;
        this.options = options;
        transform = suite.family == SrtpSuite.Family.AEAD_GCM ? new GcmTransform(options, rtp, rtcp)
                : new HmacTransform(suite, options, rtp, rtcp);
        rtpTrailer = transform.rtpTrailer();
        rtcpTrailer = transform.rtcpTrailer();
    }

    public static String reason(int status) {
        return REASONS[status];
    }

    public SrtpSuite suite() {
        return suite;
    }

    public SrtpOptions options() {
        return options;
    }

    /** RTP → SRTP, in place; the limit grows by the tag. */
    public int protect(ByteBuffer packet) {
        byte[] work = SrtpScratch.get().work;
        int at = packet.position();
        int length = packet.remaining();
        int header = headerLength(packet, at, length);
        if (header < 0 || length + rtpTrailer > MAX_PACKET || packet.capacity() - packet.limit() < rtpTrailer) {
            return TOO_SHORT;
        }
        packet.get(at, work, 0, length);
        int seq = ((work[2] & 0xff) << 8) | (work[3] & 0xff);
        long packetSsrc = u32(work, 8);
        long index = senderIndex(packetSsrc, seq);
        transform.protectRtp(work, header, length, packetSsrc, index >>> 16, index);
        packet.limit(packet.limit() + rtpTrailer);
        packet.put(at, work, 0, length + rtpTrailer);
        return OK;
    }

    /** SRTP → RTP, in place; the limit shrinks by the tag. A packet refused is left as it was. */
    public int unprotect(ByteBuffer packet) {
        byte[] work = SrtpScratch.get().work;
        int at = packet.position();
        int length = packet.remaining() - rtpTrailer;
        int header = length < 12 ? -1 : headerLength(packet, at, length);
        if (header < 0 || length > MAX_PACKET) {
            return TOO_SHORT;
        }
        packet.get(at, work, 0, length + rtpTrailer);
        int seq = ((work[2] & 0xff) << 8) | (work[3] & 0xff);
        long packetSsrc = u32(work, 8);
        if (packetSsrc != ssrc) {
            // a new source: its index starts from this packet (RFC 3711 §3.3.1)
            ssrc = packetSsrc;
            roc = 0;
            highestSeq = seq;
            replayBits = 0;
            fresh = true;
        }
        long guessedRoc = estimateRoc(seq);
        long index = (guessedRoc << 16) | seq;
        long highest = (roc << 16) | highestSeq;
        long delta = index - highest;
        if (!fresh && delta <= 0 && (-delta >= WINDOW || (replayBits & (1L << -delta)) != 0)) {
            replays++;
            return REPLAYED;
        }
        if (!transform.unprotectRtp(work, header, length, packetSsrc, guessedRoc, index)) {
            authFailures++;
            return AUTH_FAILED;
        }
        accept(delta, guessedRoc, seq);
        packet.put(at, work, 0, length);
        packet.limit(at + length);
        return OK;
    }

    /** RTCP → SRTCP (encrypted with E set, except for the NULL suites), in place; the limit grows by the trailer. */
    public int protectRtcp(ByteBuffer packet) {
        byte[] work = SrtpScratch.get().work;
        int at = packet.position();
        int length = packet.remaining();
        int extra = rtcpTrailer;
        if (length < 8 || length + extra > MAX_PACKET || packet.capacity() - packet.limit() < extra) {
            return TOO_SHORT;
        }
        packet.get(at, work, 0, length);
        long sender = u32(work, 4);
        int index = rtcpIndex;
        rtcpIndex = (rtcpIndex + 1) & 0x7fffffff;
        transform.protectRtcp(work, length, sender, index);
        packet.limit(packet.limit() + extra);
        packet.put(at, work, 0, length + extra);
        return OK;
    }

    /** SRTCP → RTCP, in place; an unencrypted SRTCP packet (E clear) is authenticated only. */
    public int unprotectRtcp(ByteBuffer packet) {
        byte[] work = SrtpScratch.get().work;
        int at = packet.position();
        int length = packet.remaining() - rtcpTrailer;
        if (length < 8 || length > MAX_PACKET) {
            return TOO_SHORT;
        }
        packet.get(at, work, 0, packet.remaining());
        long sender = u32(work, 4);
        int word = (int) u32(work, transform.rtcpWordAt(length));
        long index = word & 0x7fffffffL;
        if (sender != rtcpSsrc) {
            rtcpSsrc = sender;
            rtcpHighest = -1;
            rtcpReplayBits = 0;
        }
        long delta = rtcpHighest < 0 ? 1 : index - rtcpHighest;
        if (delta <= 0 && (-delta >= WINDOW || (rtcpReplayBits & (1L << -delta)) != 0)) {
            replays++;
            return REPLAYED;
        }
        if (!transform.unprotectRtcp(work, length, sender, word)) {
            authFailures++;
            return AUTH_FAILED;
        }
        if (delta > 0) {
            rtcpReplayBits = delta >= WINDOW ? 1 : (rtcpReplayBits << delta) | 1;
            rtcpHighest = index;
        } else {
            rtcpReplayBits |= 1L << -delta;
        }
        packet.put(at, work, 0, length);
        packet.limit(at + length);
        return OK;
    }

    /** The next SRTCP index this sender uses (tests: the RFC 7714 vectors start at 0x5d4). */
    void nextRtcpIndex(int index) {
        rtcpIndex = index;
    }

    /** Packets whose tag did not match. */
    public long authFailures() {
        return authFailures;
    }

    /** Packets refused as already seen or too old for the window. */
    public long replays() {
        return replays;
    }

    /** The roll-over counter of the current SSRC. */
    public long roc() {
        return roc;
    }

    /** The RFC 3711 Appendix A guess: which roll-over period {@code seq} belongs to. */
    private long estimateRoc(int seq) {
        if (highestSeq < 32768) {
            return seq - highestSeq > 32768 ? roc - 1 : roc;
        }
        return highestSeq - 32768 > seq ? roc + 1 : roc;
    }

    /** After a packet authenticated: its index moves the window (and the ROC) when it is the newest. */
    private void accept(long delta, long guessedRoc, int seq) {
        if (fresh) {
            fresh = false;
            replayBits = 1;
        } else if (delta > 0) {
            replayBits = delta >= WINDOW ? 1 : (replayBits << delta) | 1;
            roc = guessedRoc;
            highestSeq = seq;
        } else {
            replayBits |= 1L << -delta;
        }
    }

    /** The sender's index: its own ROC moves on when the sequence number wraps. */
    private long senderIndex(long packetSsrc, int seq) {
        if (packetSsrc != ssrc) {
            ssrc = packetSsrc;
            roc = 0;
            highestSeq = seq;
            return seq;
        }
        long guessed = estimateRoc(seq);
        long index = (guessed << 16) | seq;
        if (index > ((roc << 16) | highestSeq)) {
            roc = guessed;
            highestSeq = seq;
        }
        return index;
    }

    /** RTP header length with CSRCs and extension, or -1 when the packet is shorter than that. */
    private static int headerLength(ByteBuffer b, int at, int length) {
        if (length < 12) {
            return -1;
        }
        int first = b.get(at) & 0xff;
        int header = 12 + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            if (length < header + 4) {
                return -1;
            }
            header += 4 + 4 * (b.getShort(at + header + 2) & 0xffff);
        }
        return header <= length ? header : -1;
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }
}

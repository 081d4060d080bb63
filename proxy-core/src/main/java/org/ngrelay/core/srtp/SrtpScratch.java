package org.ngrelay.core.srtp;

/**
 * The arrays a packet is worked on in, one set per thread instead of one per context: a media
 * loop's contexts take turns on the same few cache lines, which stay in L1, where a set per
 * context (three 64 KB arrays each, two contexts per bridged call) is cold at every packet and
 * costs the heap hundreds of KB per call (docs/performance.md, the SRTP point). No call on a
 * thread nests inside another's use of them.
 */
final class SrtpScratch {

    /** The largest UDP payload, and the counter blocks for it (plus GCM's J0 and a spare). */
    static final int MAX_PACKET = 65536;
    private static final int BLOCK_BYTES = (MAX_PACKET / 16 + 2) * 16;

    private static final ThreadLocal<SrtpScratch> PER_THREAD = ThreadLocal.withInitial(SrtpScratch::new);

    /** The packet, copied out of its buffer, with room for a trailer. */
    final byte[] work = new byte[MAX_PACKET + 64];
    final byte[] counters = new byte[BLOCK_BYTES];
    final byte[] keystream = new byte[BLOCK_BYTES];

    private SrtpScratch() {
    }

    static SrtpScratch get() {
        return PER_THREAD.get();
    }
}

package org.ngrelay.core.port;

import java.util.BitSet;

/**
 * Even/odd port pairs from one range. The cursor moves on after each allocation (next fit, as
 * rtpengine does) so a port just freed is not handed out again at once and stray packets of the
 * previous call do not reach the next one.
 */
public final class PortPool {

    private final int firstPair;
    private final int pairs;
    private final BitSet used;
    private int cursor;
    private int inUse;
    private int lastReserved;

    /** @param portMin lowest port (rounded up to even); @param portMax highest port usable for RTCP */
    public PortPool(int portMin, int portMax) {
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException("bad port range " + portMin + "-" + portMax);
        }
        int even = (portMin + 1) & ~1;
        this.firstPair = even;
        this.pairs = Math.max(0, (portMax - even + 1) / 2);
        if (pairs == 0) {
            throw new IllegalArgumentException("port range " + portMin + "-" + portMax + " holds no even/odd pair");
        }
        this.used = new BitSet(pairs);
    }

    /** @return the even RTP port of a newly reserved pair, or -1 when the range is exhausted */
    public synchronized int reserve() {
        if (inUse == pairs) {
            return -1;
        }
        int index = used.nextClearBit(cursor);
        if (index >= pairs) {
            index = used.nextClearBit(0);
        }
        used.set(index);
        inUse++;
        cursor = index + 1 == pairs ? 0 : index + 1;
        lastReserved = firstPair + 2 * index;
        return lastReserved;
    }

    /** Gives back a pair reserved with {@link #reserve()}; an unknown port is ignored. */
    public synchronized void release(int rtpPort) {
        int offset = rtpPort - firstPair;
        if (offset < 0 || (offset & 1) != 0 || offset / 2 >= pairs) {
            return;
        }
        int index = offset / 2;
        if (used.get(index)) {
            used.clear(index);
            inUse--;
        }
    }

    public synchronized int pairsInUse() {
        return inUse;
    }

    public int pairsTotal() {
        return pairs;
    }

    /** The lowest port of the range (even). */
    public int firstPort() {
        return firstPair;
    }

    /** The highest port of the range (odd, the last pair's RTCP port). */
    public int lastPort() {
        return firstPair + 2 * pairs - 1;
    }

    /** The RTP port handed out last, or 0 before the first (rtpengine's {@code last} in statistics). */
    public synchronized int lastReserved() {
        return lastReserved;
    }
}

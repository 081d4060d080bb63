package org.ngrelay.core.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One party's SSRCs (rtpengine's per-monologue SSRC hash), in the order they appeared. Like
 * rtpengine it holds at most 20: a party that keeps changing SSRC loses the least recently used.
 */
public final class SsrcTable {

    static final int MAX_ENTRIES = 20;

    private final Map<Long, SsrcEntry> entries = new LinkedHashMap<>();

    SsrcEntry get(long ssrc, long nowNs) {
        SsrcEntry e = entries.get(ssrc);
        if (e == null) {
            if (entries.size() >= MAX_ENTRIES) {
                evictLeastRecentlyUsed();
            }
            e = new SsrcEntry(ssrc);
            entries.put(ssrc, e);
        }
        e.lastUsedNs = nowNs;
        return e;
    }

    SsrcEntry find(long ssrc) {
        return entries.get(ssrc);
    }

    private void evictLeastRecentlyUsed() {
        SsrcEntry oldest = null;
        for (SsrcEntry e : entries.values()) {
            if (oldest == null || e.lastUsedNs - oldest.lastUsedNs < 0) {
                oldest = e;
            }
        }
        entries.remove(oldest.ssrc);
    }

    /** Adds the report of each SSRC that has one and is not in {@code out} yet (first party wins, as in rtpengine). */
    public void reports(Map<Long, SsrcReport> out) {
        for (SsrcEntry e : entries.values()) {
            if (!out.containsKey(e.ssrc)) {
                SsrcReport r = e.report();
                if (r != null) {
                    out.put(e.ssrc, r);
                }
            }
        }
    }
}

package org.ngrelay.core.quality;

/** rtpengine's {@code --mos}: which MOS it computes. */
public enum MosMode {
    /** Conversational quality (the default): no MOS until the round-trip time of both legs is known. */
    CQ,
    /**
     * Listening quality: a MOS even without a round-trip time. rtpengine 10.5 still counts the
     * round-trip time in when it has one (observed: an RR with 2.5 s RTT gives MOS 1.0 under LQ),
     * and so does ngrelay.
     */
    LQ;

    /** {@code CQ} or {@code LQ}, either case, as rtpengine parses it. */
    public static MosMode parse(String text) {
        for (MosMode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Invalid --mos option ('" + text + "'): must be CQ or LQ");
    }
}

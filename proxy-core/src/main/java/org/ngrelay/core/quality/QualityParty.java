package org.ngrelay.core.quality;

/** What {@link RtcpQuality} needs of the media section whose RTCP it reads (the reporting party's). */
public interface QualityParty {

    /** The reporting party's SSRCs. */
    SsrcTable ssrcs();

    /** The other party's SSRCs (where its SRs are kept), or null before there is one. */
    SsrcTable oppositeSsrcs();

    /** The payload type of the RTP with {@code ssrc} that ngrelay sends to this party, or -1 when it sends none. */
    int payloadTypeTowards(long ssrc);

    /** The clock rate this party's SDP gives {@code payloadType}: -1 when it lists no such type, 0 when it names no rate. */
    int clockRate(int payloadType);

    QualitySamples samples();

    MosMode mosMode();

    long epochSec(long nowNs);

    /** {@code [call-id/tag]} for log lines. */
    String logPrefix();
}

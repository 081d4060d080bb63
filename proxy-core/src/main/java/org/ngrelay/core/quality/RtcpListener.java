package org.ngrelay.core.quality;

/**
 * What {@link Rtcp#walk} finds in a compound packet, in packet order. SSRCs and 32-bit fields are
 * unsigned, in a long; NTP "middle bits" are the 32 bits an RR's LSR (and an XR DLRR's LRR) echo.
 */
public interface RtcpListener {

    /** An SR's sender info (RFC 3550 §6.4.1). */
    void senderReport(long ssrc, long ntpMiddle);

    /** One report block of an SR or RR (RFC 3550 §6.4.1): {@code from} reports on {@code about}. */
    void reportBlock(long from, long about, int fractionLost, long cumulativeLost, long jitter, long lsr, long dlsr);

    /** XR receiver reference time block (RFC 3611 §4.4). */
    void referenceTime(long from, long ntpMiddle);

    /** One XR DLRR sub-block (RFC 3611 §4.5): {@code from} answers {@code about}'s reference time. */
    void dlrr(long from, long about, long lrr, long dlrr);

    /** XR VoIP metrics block (RFC 3611 §4.7): the round-trip delay {@code from} measured, in ms. */
    void voipMetrics(long from, long about, int roundTripMs);
}

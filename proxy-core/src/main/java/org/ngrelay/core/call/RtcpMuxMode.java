package org.ngrelay.core.call;

/** Values of the {@code rtcp-mux} list (RFC 5761 negotiation, rtpengine's semantics). */
public enum RtcpMuxMode {
    /** add a=rtcp-mux to an offer that has none */
    OFFER,
    /** offer mux, and use it towards the offerer even if the answerer does not */
    REQUIRE,
    /** strip a=rtcp-mux from the offer: the answerer gets separate RTCP */
    DEMUX,
    /** mux towards the offerer if it offered mux, whatever the answerer says */
    ACCEPT,
    /** never mux towards the offerer */
    REJECT
}

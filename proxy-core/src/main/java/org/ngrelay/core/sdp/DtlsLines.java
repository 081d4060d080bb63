package org.ngrelay.core.sdp;

/**
 * The DTLS-SRTP attributes (RFC 5763) ngrelay prints for its own side of a media section, when it
 * terminates DTLS towards the recipient: {@code a=setup} and {@code a=fingerprint} (after the
 * crypto lines, as rtpengine 10.5 orders them). {@link #NONE}: print neither (the source's are
 * for a DTLS association ngrelay ends on the other leg).
 */
public record DtlsLines(String setup, String fingerprint) {

    public static final DtlsLines NONE = new DtlsLines(null, null);
}

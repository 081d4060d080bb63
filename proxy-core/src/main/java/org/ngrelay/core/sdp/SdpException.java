package org.ngrelay.core.sdp;

/**
 * An SDP body that cannot be used. {@link #reason()} is rtpengine's error-reason
 * ({@code Failed to parse SDP} or {@code Incomplete SDP specification}); the message says which
 * line was wrong, for the log.
 */
public final class SdpException extends Exception {

    private static final long serialVersionUID = 1L;

    public static final String FAILED_TO_PARSE = "Failed to parse SDP";
    public static final String INCOMPLETE = "Incomplete SDP specification";

    private final String reason;

    public SdpException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

package org.ngrelay.core.call;

/** A request that cannot be carried out; the message is the ng {@code error-reason}. */
public final class CallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String UNKNOWN_CALL_ID = "Unknown call-id";
    public static final String RAN_OUT_OF_PORTS = "Ran out of ports";
    public static final String CALL_OR_TAGS_NOT_FOUND = "Call-ID not found or tags didn't match";
    /** rtpengine 10.5's message when {@code max-sessions} refuses a new call. */
    public static final String LOAD_LIMIT = "Parallel session limit reached";

    public CallException(String reason) {
        super(reason, null, false, false);
    }
}

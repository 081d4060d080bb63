package org.ngrelay.core.call;

/** A request that cannot be carried out; the message is the ng {@code error-reason}. */
public final class CallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String UNKNOWN_CALL_ID = "Unknown call-id";
    public static final String RAN_OUT_OF_PORTS = "Ran out of ports";
    public static final String CALL_OR_TAGS_NOT_FOUND = "Call-ID not found or tags didn't match";
    /** rtpengine 10.5's message when {@code max-sessions} refuses a new call. */
    public static final String LOAD_LIMIT = "Parallel session limit reached";

    /** With {@link #LOAD_LIMIT}: the limit that was hit, the ng {@code message} of {@code result: load limit}. */
    private final String limitMessage;

    public CallException(String reason) {
        this(reason, null);
    }

    private CallException(String reason, String limitMessage) {
        super(reason, null, false, false);
        this.limitMessage = limitMessage;
    }

    /** A new call refused by a session or load limit: the error-reason is rtpengine's {@link #LOAD_LIMIT} whichever it was. */
    public static CallException loadLimit(String limitMessage) {
        return new CallException(LOAD_LIMIT, limitMessage);
    }

    /** The limit that was hit ({@code Load limit exceeded}, ...), or this exception's message. */
    public String limitMessage() {
        return limitMessage != null ? limitMessage : getMessage();
    }
}

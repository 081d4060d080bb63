package org.ngrelay.ng.command;

/** A request rejected before it reaches a call; the message is rtpengine's error-reason. */
public final class NgError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String NO_COMMAND = "Dictionary contains no key \"command\"";
    public static final String UNRECOGNIZED_COMMAND = "Unrecognized command";
    public static final String NO_CALL_ID = "No call-id in message";
    public static final String NO_FROM_TAG = "No from-tag in message";
    public static final String NO_TO_TAG = "No to-tag in message";
    public static final String NO_SDP = "No SDP body in message";
    /** The {@code cli} command without its command line (newer rtpengine's text). */
    public static final String NO_CLI_BODY = "No 'body' in message";
    /** rtpengine 10.5's answer to an SDP without any m= line. */
    public static final String NO_MEDIA = "Error rewriting SDP";

    private final String detail;

    public NgError(String reason) {
        this(reason, null);
    }

    /** @param detail what exactly was wrong, for the log line (the reply keeps rtpengine's text) */
    public NgError(String reason, String detail) {
        super(reason, null, false, false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}

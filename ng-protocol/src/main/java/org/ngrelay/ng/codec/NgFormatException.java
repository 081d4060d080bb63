package org.ngrelay.ng.codec;

/** A body that is not a usable dictionary; the message is rtpengine's error-reason. */
public final class NgFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public static final String NO_PAYLOAD = "Invalid data (no payload)";
    public static final String INVALID_FORMAT = "Invalid NG data format";
    public static final String BAD_BENCODE = "Could not decode bencode dictionary";
    public static final String BAD_JSON = "Failed to parse JSON document";

    public NgFormatException(String reason) {
        super(reason, null, false, false);
    }
}

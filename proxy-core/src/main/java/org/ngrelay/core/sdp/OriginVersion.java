package org.ngrelay.core.sdp;

/**
 * The version field of {@code o=} (RFC 4566 §5.2: raised whenever the session changes), for
 * {@code replace: [SDP-version]}.
 */
public final class OriginVersion {

    private OriginVersion() {
    }

    /** The SDP without its {@code o=} line: what "the body changed" compares. */
    public static String body(String sdp) {
        int start = originStart(sdp);
        if (start < 0) {
            return sdp;
        }
        int end = sdp.indexOf('\n', start);
        return sdp.substring(0, start) + (end < 0 ? "" : sdp.substring(end + 1));
    }

    /** @return the version, or -1 when the o= line has none that parses */
    public static long version(String sdp) {
        String[] fields = fields(sdp);
        if (fields == null) {
            return -1;
        }
        try {
            return Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The SDP with {@code version} in its o= line (terminator and other fields unchanged). */
    public static String withVersion(String sdp, long version) {
        int start = originStart(sdp);
        String[] fields = fields(sdp);
        if (fields == null) {
            return sdp;
        }
        int end = sdp.indexOf('\n', start);
        int valueEnd = end < 0 ? sdp.length() : (end > 0 && sdp.charAt(end - 1) == '\r' ? end - 1 : end);
        fields[2] = Long.toString(version);
        return sdp.substring(0, start) + "o=" + String.join(" ", fields) + sdp.substring(valueEnd);
    }

    private static String[] fields(String sdp) {
        int start = originStart(sdp);
        if (start < 0) {
            return null;
        }
        int end = sdp.indexOf('\n', start);
        String line = sdp.substring(start + 2, end < 0 ? sdp.length() : end).trim();
        String[] fields = line.split(" +");
        return fields.length == 6 ? fields : null;
    }

    private static int originStart(String sdp) {
        if (sdp.startsWith("o=")) {
            return 0;
        }
        int i = sdp.indexOf("\no=");
        return i < 0 ? -1 : i + 1;
    }
}

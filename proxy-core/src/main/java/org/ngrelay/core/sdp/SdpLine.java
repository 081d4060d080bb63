package org.ngrelay.core.sdp;

/**
 * One {@code <type>=<value>} line and the terminator it came with ({@code "\r\n"}, {@code "\n"},
 * or {@code ""} for a last line without one): rtpengine 10.5 keeps the terminator of lines it
 * copies, so ngrelay does too.
 */
public record SdpLine(char type, String value, String eol) {

    public boolean isAttribute() {
        return type == 'a';
    }

    /** For {@code a=} lines: the part before the first ':' ({@code rtpmap}, {@code sendrecv}). */
    public String attributeName() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** For {@code a=} lines: the part after the first ':', or "" for a flag attribute. */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(colon + 1);
    }

    @Override
    public String toString() {
        return type + "=" + value + eol;
    }
}

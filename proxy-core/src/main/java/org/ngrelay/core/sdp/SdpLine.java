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

    /**
     * {@code a=NAME} or {@code a=NAME:...}: the same as {@code attributeName().equals(name)}
     * without making the substring (SDP is searched many times per offer: JMH, docs/performance.md).
     */
    public boolean attributeIs(String name) {
        return type == 'a' && value.startsWith(name) && (value.length() == name.length() || value.charAt(name.length()) == ':');
    }

    /** The direction ({@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}) this line sets, or null. */
    public String direction() {
        if (type != 'a') {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return SdpAttributes.isDirection(value) ? value : null;
        }
        // every direction name has 8 letters: only a prefix of that length can be one
        return colon == 8 && SdpAttributes.isDirection(value.substring(0, 8)) ? value.substring(0, 8) : null;
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

package org.ngrelay.core.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed SDP body that remembers every line. Parsing checks what rtpengine checks: a {@code v=}
 * first, {@code <letter>=} lines, sane {@code m=} and {@code c=} lines, and a connection address
 * for every media section.
 */
public final class SessionDescription {

    private final List<SdpLine> sessionLines;
    private final List<MediaSection> media;
    private final Connection sessionConnection;
    private final String text;

    private SessionDescription(List<SdpLine> sessionLines, List<MediaSection> media, Connection sessionConnection,
                               String text) {
        this.sessionLines = List.copyOf(sessionLines);
        this.media = List.copyOf(media);
        this.sessionConnection = sessionConnection;
        this.text = text;
    }

    /** The body exactly as received. */
    public String text() {
        return text;
    }

    public static SessionDescription parse(byte[] body) throws SdpException {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    public static SessionDescription parse(String text) throws SdpException {
        return parse(text, false);
    }

    /**
     * As rtpengine 10.5: a blank line ends the SDP (what follows is ignored), or, with
     * {@code rejectBlankLine} ({@code --reject-invalid-sdp}), makes it invalid.
     */
    public static SessionDescription parse(String text, boolean rejectBlankLine) throws SdpException {
        if (text == null || text.isEmpty()) {
            throw new SdpException(SdpException.FAILED_TO_PARSE, "empty body");
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaSection> media = new ArrayList<>();
        SdpLine mLine = null;
        List<SdpLine> current = session;
        Connection sessionConnection = null;
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int next = nl < 0 ? text.length() : nl + 1;
            String eol = nl < 0 ? "" : "\n";
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
                eol = "\r\n";
            }
            String line = text.substring(start, end);
            start = next;
            if (line.isEmpty()) {
                if (rejectBlankLine) {
                    throw new SdpException(SdpException.FAILED_TO_PARSE, "blank line after line " + lineNo + " (--reject-invalid-sdp)");
                }
                break;
            }
            lineNo++;
            if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
                throw new SdpException(SdpException.FAILED_TO_PARSE, "line " + lineNo + " is not <type>=<value>: '" + abbreviate(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (lineNo == 1 && type != 'v') {
                throw new SdpException(SdpException.FAILED_TO_PARSE, "does not start with v=");
            }
            if (type == 'm') {
                if (mLine != null) {
                    media.add(new MediaSection(mLine, current));
                }
                mLine = new SdpLine(type, value, eol);
                current = new ArrayList<>();
                continue;
            }
            if (type == 'c' && mLine == null) {
                sessionConnection = Connection.parse(value);
            }
            current.add(new SdpLine(type, value, eol));
        }
        if (lineNo == 0) {
            throw new SdpException(SdpException.FAILED_TO_PARSE, "empty body");
        }
        if (mLine != null) {
            media.add(new MediaSection(mLine, current));
        }
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i).connection() == null && sessionConnection == null) {
                throw new SdpException(SdpException.INCOMPLETE, "media section " + (i + 1) + " has no c= line and there is no session-level one");
            }
        }
        return new SessionDescription(session, media, sessionConnection, text);
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    /** Lines before the first {@code m=}, in order. */
    public List<SdpLine> sessionLines() {
        return sessionLines;
    }

    public List<MediaSection> media() {
        return media;
    }

    public Connection sessionConnection() {
        return sessionConnection;
    }

    /** The connection that applies to media section {@code index}. */
    public Connection connection(int index) {
        Connection c = media.get(index).connection();
        return c != null ? c : sessionConnection;
    }

    /**
     * The direction for media section {@code index}: its own attribute, else the session-level one
     * (the last wins; {@code a=recvonly:anything} counts as recvonly, as in rtpengine), else null.
     */
    public String direction(int index) {
        String own = media.get(index).direction();
        if (own != null) {
            return own;
        }
        String session = null;
        for (SdpLine line : sessionLines) {
            if (line.direction() != null) {
                session = line.direction();
            }
        }
        return session;
    }

    /** The media-level direction, else the first session-level one (what 10.5's query flags show). */
    public String firstDirection(int index) {
        String own = media.get(index).direction();
        if (own != null) {
            return own;
        }
        for (SdpLine line : sessionLines) {
            String direction = line.direction();
            if (direction != null) {
                return direction;
            }
        }
        return null;
    }

    /** A session-level attribute's value, or null. */
    public String sessionAttribute(String name) {
        for (SdpLine line : sessionLines) {
            if (line.attributeIs(name)) {
                return line.attributeValue();
            }
        }
        return null;
    }
}

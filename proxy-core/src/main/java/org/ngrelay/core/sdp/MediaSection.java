package org.ngrelay.core.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@code m=} section: the m= line's fields and every other line of the section in order. */
public final class MediaSection {

    private final String type;
    private final int port;
    private final String portCount;
    private final String protocol;
    private final List<String> formats;
    private final List<SdpLine> lines;
    private final Connection connection;

    private final String mLineEol;

    MediaSection(SdpLine m, List<SdpLine> lines) throws SdpException {
        String mLine = m.value();
        this.mLineEol = m.eol();
        String[] parts = mLine.trim().split(" +");
        if (parts.length < 3) {
            throw new SdpException(SdpException.FAILED_TO_PARSE, "bad m= line '" + mLine + "'");
        }
        this.type = parts[0];
        String portText = parts[1];
        int slash = portText.indexOf('/');
        this.portCount = slash < 0 ? null : portText.substring(slash + 1);
        this.port = parsePort(slash < 0 ? portText : portText.substring(0, slash), mLine);
        if (portCount != null) {
            parsePort(portCount, mLine);
        }
        this.protocol = parts[2];
        List<String> f = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            f.add(parts[i]);
        }
        this.formats = Collections.unmodifiableList(f);
        this.lines = List.copyOf(lines);
        Connection c = null;
        for (SdpLine line : lines) {
            if (line.type() == 'c') {
                c = Connection.parse(line.value());
            }
        }
        this.connection = c;
    }

    private static int parsePort(String text, String mLine) throws SdpException {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new SdpException(SdpException.FAILED_TO_PARSE, "bad port in m= line '" + mLine + "'");
    }

    public String type() {
        return type;
    }

    public int port() {
        return port;
    }

    public boolean rejected() {
        return port == 0;
    }

    public String protocol() {
        return protocol;
    }

    public List<String> formats() {
        return formats;
    }

    /** The lines after {@code m=}, in order. */
    public List<SdpLine> lines() {
        return lines;
    }

    /** The media-level {@code c=}, or null when the session-level one applies. */
    public Connection connection() {
        return connection;
    }

    public String attribute(String name) {
        for (SdpLine line : lines) {
            if (line.attributeIs(name)) {
                return line.attributeValue();
            }
        }
        return null;
    }

    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    /** The direction attribute ({@code sendrecv}, {@code sendonly}, ...) or null. */
    public String direction() {
        for (SdpLine line : lines) {
            String direction = line.direction();
            if (direction != null) {
                return direction;
            }
        }
        return null;
    }

    /** RTCP port from {@code a=rtcp:PORT [IN IP4 ADDR]}, else RTP port + 1 (RFC 3605). */
    public int rtcpPort() {
        String rtcp = attribute("rtcp");
        if (rtcp != null) {
            String first = rtcp.trim().split(" +")[0];
            try {
                int p = Integer.parseInt(first);
                if (p > 0 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // rtpengine ignores a broken a=rtcp too
            }
        }
        return port == 0 ? 0 : port + 1;
    }

    /** The address in {@code a=rtcp:PORT IN IP4 ADDR}, or null. */
    public InetAddress rtcpAddress() {
        String rtcp = attribute("rtcp");
        if (rtcp == null) {
            return null;
        }
        String[] parts = rtcp.trim().split(" +");
        return parts.length == 4 ? Addresses.parseLiteral(parts[3]) : null;
    }

    public String ptime() {
        return attribute("ptime");
    }

    /** The section's SDES {@code a=crypto} lines that parse, in SDP order. */
    public List<CryptoLine> cryptoLines() {
        List<CryptoLine> out = new java.util.ArrayList<>();
        for (SdpLine line : lines) {
            if (line.attributeIs("crypto")) {
                CryptoLine c = CryptoLine.parse(line.attributeValue());
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The clock rate {@code a=rtpmap} (or RFC 3551 for a static type) gives {@code format}: -1 when
     * the m= line does not list it, 0 when the rtpmap names no rate.
     */
    public int clockRate(String format) {
        if (!formats.contains(format)) {
            return -1;
        }
        String name = CodecRules.encodingName(this, format);
        if (name == null) {
            return 0;
        }
        String[] parts = name.split("/");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True for RFC 4733 events and comfort noise: payload types that carry no audio of their own. */
    public boolean isEventCodec(String format) {
        String name = CodecRules.encodingName(this, format);
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.startsWith("telephone-event/") || n.startsWith("cn/");
    }

    /** The m= line with another port and formats, with its original terminator. */
    SdpLine mLine(int newPort, String newProtocol, List<String> newFormats) {
        StringBuilder sb = new StringBuilder(type).append(' ').append(newPort);
        if (portCount != null && newPort != 0) {
            sb.append('/').append(portCount);
        }
        sb.append(' ').append(newProtocol != null ? newProtocol : protocol);
        if (newFormats.isEmpty()) {
            sb.append(' ');
        }
        for (String f : newFormats) {
            sb.append(' ').append(f);
        }
        return new SdpLine('m', sb.toString(), mLineEol);
    }
}

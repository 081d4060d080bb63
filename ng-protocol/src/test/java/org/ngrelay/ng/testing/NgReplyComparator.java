package org.ngrelay.ng.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two ng replies to the same request as a client sees them, after replacing what
 * differs from run to run: ports become symbols per (address, port) in order of first appearance,
 * keeping "RTCP = RTP + 1"; times are only checked to be numbers; generated values (loop-protect
 * id, ICE credentials and foundations, SRTP keys, fingerprints) are masked.
 * One comparator serves one request sequence: the port symbols persist across its steps.
 */
public final class NgReplyComparator {

    private static final Set<String> TIME_KEYS = Set.of("created", "created_us", "last signal", "last packet");
    /**
     * Keys ngrelay adds to replies on purpose (docs/compatibility.md, "Additions"): clients skip
     * keys they do not know, so an addition is no difference; anything else extra still is.
     */
    private static final Set<String> ADDITIONS = Set.of("DTLS state");
    private static final Pattern SDP_PORTS = Pattern.compile("(?m)^(m=\\S+ |a=rtcp:)(\\d+)");
    /** Values each daemon makes up: loop-protect id, ICE credentials and foundations, SRTP keys, certificates. */
    private static final Pattern[] GENERATED = {
        Pattern.compile("(?m)(?<=^a=rtpengine:)[0-9a-f]{12}"),
        Pattern.compile("(?m)(?<=^a=ice-(?:ufrag|pwd):)\\S+"),
        Pattern.compile("(?m)(?<=^a=candidate:)\\S+"),
        Pattern.compile("(?<=inline:)[A-Za-z0-9+/=]+"),
        Pattern.compile("(?m)(?<=^a=fingerprint:\\S{1,10} )[0-9A-Fa-f:]+"),
    };

    private final PortSymbols theirs = new PortSymbols();
    private final PortSymbols ours = new PortSymbols();

    /** Adds a line to {@code diffs} for every difference of {@code actual} from {@code expected}. */
    public void compare(String where, Object expected, Object actual, List<String> diffs) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            Set<String> keys = new TreeSet<>();
            e.keySet().forEach(k -> keys.add((String) k));
            a.keySet().forEach(k -> keys.add((String) k));
            for (String key : keys) {
                String path = where + "." + key;
                if (!e.containsKey(key) && ADDITIONS.contains(key)) {
                    continue;
                } else if (!e.containsKey(key)) {
                    diffs.add(path + ": not in rtpengine's reply, ngrelay has " + abbreviate(a.get(key)));
                } else if (!a.containsKey(key)) {
                    diffs.add(path + ": missing, rtpengine has " + abbreviate(e.get(key)));
                } else if (TIME_KEYS.contains(key)) {
                    if (!(a.get(key) instanceof Number)) {
                        diffs.add(path + ": not a number: " + a.get(key));
                    }
                } else if (key.equals("local port")) {
                    String te = theirs.symbol(String.valueOf(e.get("local address")), ((Number) e.get(key)).intValue());
                    String ta = ours.symbol(String.valueOf(a.get("local address")), ((Number) a.get(key)).intValue());
                    if (!te.equals(ta)) {
                        diffs.add(path + ": port " + ta + ", rtpengine's is " + te);
                    }
                } else if (key.equals("sdp") && e.get(key) instanceof String es && a.get(key) instanceof String as) {
                    compareSdp(path, es, as, diffs);
                } else {
                    compare(path, e.get(key), a.get(key), diffs);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                diffs.add(where + ": " + a.size() + " entries, rtpengine has " + e.size() + ": " + abbreviate(e) + " vs " + abbreviate(a));
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(where + "[" + i + "]", e.get(i), a.get(i), diffs);
            }
        } else if (expected instanceof Number e && actual instanceof Number a) {
            if (e.longValue() != a.longValue()) {
                diffs.add(where + ": " + a + ", rtpengine has " + e);
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            diffs.add(where + ": " + abbreviate(actual) + ", rtpengine has " + abbreviate(expected));
        }
    }

    private void compareSdp(String where, String expected, String actual, List<String> diffs) {
        List<String> e = lines(normaliseSdp(expected, theirs));
        List<String> a = lines(normaliseSdp(actual, ours));
        int n = Math.max(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            String el = i < e.size() ? e.get(i) : "<none>";
            String al = i < a.size() ? a.get(i) : "<none>";
            if (!el.equals(al)) {
                diffs.add(where + " line " + (i + 1) + ": ngrelay " + visible(al) + ", rtpengine " + visible(el));
                return; // the first differing line says enough
            }
        }
    }

    /** Ports become symbols per address: each interface has its own pool, so 30000 may be two sockets. */
    private static String normaliseSdp(String sdp, PortSymbols symbols) {
        List<String> lines = lines(sdp);
        String sessionAddress = "";
        for (String line : lines) {
            if (line.startsWith("m=")) {
                break;
            }
            if (line.startsWith("c=")) {
                sessionAddress = connectionAddress(line);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("m=")) {
                out.append(line);
                continue;
            }
            int end = i + 1;
            String address = sessionAddress;
            while (end < lines.size() && !lines.get(end).startsWith("m=")) {
                if (lines.get(end).startsWith("c=")) {
                    address = connectionAddress(lines.get(end));
                }
                end++;
            }
            out.append(replacePorts(String.join("", lines.subList(i, end)), address, symbols));
            i = end - 1;
        }
        String text = out.toString();
        for (Pattern generated : GENERATED) {
            text = generated.matcher(text).replaceAll("GENERATED");
        }
        return text;
    }

    private static String connectionAddress(String cLine) {
        String[] parts = cLine.trim().split(" ");
        return parts[parts.length - 1];
    }

    private static String replacePorts(String section, String address, PortSymbols symbols) {
        Matcher m = SDP_PORTS.matcher(section);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + symbols.symbol(address, Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Lines with their terminators, so CRLF against LF is a difference. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private static String visible(String line) {
        return "'" + line.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /** P1, P2... by first appearance of (address, port); an odd port right after a known one is "Pn+1". */
    private static final class PortSymbols {
        private final Map<String, String> symbols = new HashMap<>();
        private int next;

        String symbol(String address, int port) {
            if (port == 0) {
                return "0";
            }
            String key = address + "|" + port;
            String known = symbols.get(key);
            if (known != null) {
                return known;
            }
            String below = symbols.get(address + "|" + (port - 1));
            String s = (port & 1) == 1 && below != null ? below + "+1" : "P" + (++next);
            symbols.put(key, s);
            return s;
        }
    }
}

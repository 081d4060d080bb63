package org.ngrelay.ng.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code rtpp-flags} string (alias {@code rtpp_flags}) that Kamailio's rtpengine module sends when
 * it leaves flag parsing to the daemon, turned into the dictionary the module would otherwise have
 * sent itself: a {@code flags} list, the {@code replace}, {@code rtcp-mux}, {@code SDES},
 * {@code T.38}, {@code direction} lists, a {@code codec} dictionary of lists and plain keys.
 *
 * <p>Syntax (as newer rtpengine reads it; rtpengine 10.5 ignores the key):
 * <ul>
 *   <li>items are separated by white space; an item is a bare {@code word} or {@code key=value},
 *       split at the first {@code =} (further ones belong to the value: {@code label=a=b});</li>
 *   <li>a value is a word or a bracketed list {@code [a b c]}, which nests; a list whose first
 *       element is {@code key=value} is a dictionary: {@code codec=[transcode=[PCMA] strip=[EVS]]};
 *       spaces inside the brackets do not matter ({@code replace=[ origin ]}); brackets are always
 *       structure, a word cannot contain them;</li>
 *   <li>{@code --} (for {@code =}) and {@code ..} (for a space) are kept as they are: rtpengine decodes
 *       them where a list item is used (codec names, from-tags, SDP attribute texts), the same for the
 *       dictionary form, so they are not this parser's business;</li>
 *   <li>bare words that stand for keys, as in Kamailio's module: {@code replace-X},
 *       {@code rtcp-mux-X}, {@code SDES-X}, {@code T.38-X}/{@code T38-X}, {@code codec-VERB-X} and
 *       {@code transcode-X}, {@code internal}/{@code external} (direction), transport protocols
 *       ({@code RTP/AVP}, ..., and the parts {@code RTP AVP SRTP AVPF DTLS} combined); keys with a
 *       value: the same lists as {@code key=X} or {@code key=[...]}, {@code codec-VERB=X},
 *       {@code direction=X} (once per interface), {@code TOS}, {@code delete-delay},
 *       {@code repacketize} (integers), {@code received-from=ADDR} ({@code [IP4|IP6, ADDR]}),
 *       {@code from-tag=X} (also sets {@code directional}, as rtpengine does); {@code key=} with
 *       nothing after it is the bare word {@code key}.</li>
 * </ul>
 *
 * <p>Errors: an unbalanced bracket, a dictionary entry without {@code =} or a {@code [} inside a word
 * throw {@link SyntaxException} (the caller ignores the whole string); a bracketed list with no key in
 * front is skipped with a warning (only its brackets must balance), like rtpengine, so
 * {@code SDP-attr= [audio=...] rtcp-mux=[offer]} still applies {@code rtcp-mux}.
 */
public final class RtppFlags {

    /** Deeper nesting than any flag needs; keeps a hostile datagram from exhausting the stack. */
    static final int MAX_DEPTH = 16;

    private static final String[] CODEC_VERBS = {"strip", "offer", "mask", "set", "except", "accept", "consume",
            "ignore", "transcode"};

    /** The string in dictionary form, and what was skipped on the way. */
    public record Parsed(Map<String, Object> values, List<String> warnings) {
    }

    /** The string's structure is unclear; {@link #offset()} is where the parser noticed. */
    public static final class SyntaxException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int offset;

        SyntaxException(String message, int offset) {
            super(message + " at offset " + offset);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final String text;
    private int pos;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    /** 0x100: a transport word was seen; 0x1 secure, 0x2 feedback, 0x4 DTLS (Kamailio's encoding). */
    private int transport;

    private RtppFlags(String text) {
        this.text = text;
    }

    /** @throws SyntaxException when the brackets or a dictionary make no sense */
    public static Parsed parse(String text) {
        RtppFlags p = new RtppFlags(text);
        p.parseTop();
        return new Parsed(p.out, List.copyOf(p.warnings));
    }

    // ------------------------------------------------------------------ syntax

    /** {@code key=value} inside a list. */
    private record Entry(String key, Object value) {
    }

    private void parseTop() {
        while (true) {
            skipSpace();
            if (atEnd()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == ']') {
                throw new SyntaxException("unbalanced ']' (no list is open)", pos);
            }
            if (c == '[') {
                int start = pos;
                skipList();
                warnings.add("list without a key at offset " + start + " skipped: '" + text.substring(start, pos) + "'");
                continue;
            }
            int start = pos;
            String word = readWord(true);
            if (peek() == '=') {
                if (word.isEmpty()) {
                    throw new SyntaxException("'=' without a key", start);
                }
                pos++;
                if (atEnd() || Character.isWhitespace(peek())) {
                    bareWord(word);
                } else {
                    keyValue(word, value(1));
                }
            } else {
                if (word.isEmpty()) {
                    throw new SyntaxException("'=' without a key", start);
                }
                bareWord(word);
            }
        }
        applyTransport();
    }

    /** A list no key owns: only its brackets need to balance, what is inside is not read. */
    private void skipList() {
        int open = pos;
        int depth = 0;
        do {
            if (atEnd()) {
                throw new SyntaxException("unbalanced '[' (missing ']')", open);
            }
            char c = text.charAt(pos++);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    /** After {@code =}: a list or a word. */
    private Object value(int depth) {
        char c = peek();
        if (c == '[') {
            return parseList(depth);
        }
        if (c == ']') {
            throw new SyntaxException("unbalanced ']' (no list is open)", pos);
        }
        return readWord(false);
    }

    /** From {@code [} to its {@code ]}: a list, or a dictionary when the first element is {@code key=value}. */
    private Object parseList(int depth) {
        int open = pos;
        if (depth > MAX_DEPTH) {
            throw new SyntaxException("lists nested deeper than " + MAX_DEPTH, open);
        }
        pos++;
        List<Object> elements = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        while (true) {
            skipSpace();
            if (atEnd()) {
                throw new SyntaxException("unbalanced '[' (missing ']')", open);
            }
            char c = peek();
            if (c == ']') {
                pos++;
                break;
            }
            offsets.add(pos);
            if (c == '[') {
                elements.add(parseList(depth + 1));
                continue;
            }
            int start = pos;
            String word = readWord(true);
            if (peek() == '=') {
                pos++;
                if (word.isEmpty()) {
                    throw new SyntaxException("'=' without a key", start);
                }
                Object v = atEnd() || Character.isWhitespace(peek()) || peek() == ']' ? "" : value(depth + 1);
                elements.add(new Entry(word, v));
            } else {
                elements.add(word);
            }
        }
        if (!elements.isEmpty() && elements.get(0) instanceof Entry) {
            Map<String, Object> dict = new LinkedHashMap<>();
            for (int i = 0; i < elements.size(); i++) {
                if (!(elements.get(i) instanceof Entry e)) {
                    throw new SyntaxException("dictionary entry without '=' ('" + describe(elements.get(i)) + "')",
                            offsets.get(i));
                }
                dict.put(e.key(), e.value());
            }
            return dict;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Object o = elements.get(i);
            if (o instanceof Entry e) {
                if (!(e.value() instanceof String s)) {
                    throw new SyntaxException("'" + e.key() + "=[...]' inside a list that is not a dictionary",
                            offsets.get(i));
                }
                list.add(e.key() + "=" + s);
            } else {
                list.add(o);
            }
        }
        return list;
    }

    private static String describe(Object o) {
        return o instanceof String s ? s : "[...]";
    }

    /** Up to white space, a bracket, the end, or (for a key) {@code =}. */
    private String readWord(boolean stopAtEquals) {
        int start = pos;
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ']' || (stopAtEquals && c == '=')) {
                break;
            }
            if (c == '[') {
                if (pos == start) {
                    break;
                }
                throw new SyntaxException("'[' inside a word (a list starts a value, after '=')", pos);
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    // ------------------------------------------------------------------ meaning

    private void bareWord(String word) {
        switch (word) {
            case "RTP/AVP" -> transport = 0x100;
            case "RTP/SAVP" -> transport = 0x101;
            case "RTP/AVPF" -> transport = 0x102;
            case "RTP/SAVPF" -> transport = 0x103;
            case "UDP/TLS/RTP/SAVP" -> transport = 0x104;
            case "UDP/TLS/RTP/SAVPF" -> transport = 0x106;
            case "RTP" -> transport = (transport | 0x100) & ~0x1;
            case "AVP" -> transport = (transport | 0x100) & ~0x2;
            case "SRTP" -> transport |= 0x101;
            case "AVPF" -> transport |= 0x102;
            case "DTLS" -> transport |= 0x104;
            case "internal", "external" -> add("direction", word);
            default -> {
                if (!prefixed(word)) {
                    add("flags", word);
                }
            }
        }
    }

    /** {@code replace-origin}, {@code codec-strip-PCMA}, ...: the part after the prefix keeps its case. */
    private boolean prefixed(String word) {
        String[][] lists = {{"replace-", "replace"}, {"rtcp-mux-", "rtcp-mux"}, {"SDES-", "SDES"},
                {"T.38-", "T.38"}, {"T38-", "T.38"}};
        for (String[] l : lists) {
            if (startsWithIgnoreCase(word, l[0])) {
                add(l[1], word.substring(l[0].length()));
                return true;
            }
        }
        if (startsWithIgnoreCase(word, "transcode-")) {
            addCodec("transcode", word.substring("transcode-".length()));
            return true;
        }
        for (String verb : CODEC_VERBS) {
            String prefix = "codec-" + verb + "-";
            if (startsWithIgnoreCase(word, prefix)) {
                addCodec(verb, word.substring(prefix.length()));
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithIgnoreCase(String word, String prefix) {
        return word.length() > prefix.length() && word.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private void keyValue(String key, Object value) {
        String k = NgRequest.normaliseKey(key).toLowerCase(Locale.ROOT);
        if (k.equals("transcode") || k.startsWith("codec-")) {
            String verb = k.equals("transcode") ? "transcode" : k.substring("codec-".length());
            for (String v : CODEC_VERBS) {
                if (v.equals(verb)) {
                    codecValues(v, value, key);
                    return;
                }
            }
        }
        switch (k) {
            case "codec", "codecs" -> {
                if (value instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        codecValues(String.valueOf(e.getKey()), e.getValue(), key);
                    }
                } else {
                    warnings.add("'" + key + "' needs a [verb=[codecs]] dictionary; '" + describe(value) + "' skipped");
                }
            }
            case "direction" -> addAll("direction", value, key);
            case "replace" -> addAll("replace", value, key);
            case "rtcp-mux" -> addAll("rtcp-mux", value, key);
            case "sdes" -> addAll("SDES", value, key);
            case "t.38", "t38" -> addAll("T.38", value, key);
            case "supports" -> addAll("supports", value, key);
            case "flags" -> addAll("flags", value, key);
            case "received-from" -> {
                if (value instanceof String s) {
                    out.put("received-from", List.of(s.indexOf(':') >= 0 ? "IP6" : "IP4", s));
                } else {
                    out.put("received-from", value);
                }
            }
            case "tos" -> out.put("TOS", integer(value));
            case "delete-delay" -> out.put("delete-delay", integer(value));
            case "repacketize" -> out.put("repacketize", integer(value));
            case "ice" -> out.put("ICE", value);
            case "dtls" -> out.put("DTLS", value);
            case "from-tag" -> {
                out.put("from-tag", value);
                add("flags", "directional");
            }
            case "rtpp-flags" -> warnings.add("'" + key + "' inside rtpp-flags skipped");
            default -> out.put(key, value);
        }
    }

    private static Object integer(Object value) {
        if (value instanceof String s && !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        return value;
    }

    private void codecValues(String verb, Object value, String key) {
        if (value instanceof String s) {
            addCodec(verb, s);
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    addCodec(verb, s);
                } else {
                    warnings.add("'" + key + "': a nested list is not a codec name; skipped");
                }
            }
        } else {
            warnings.add("'" + key + "': a dictionary is not a codec list; skipped");
        }
    }

    @SuppressWarnings("unchecked")
    private void addCodec(String verb, String codec) {
        Map<String, Object> codecs = (Map<String, Object>) out.computeIfAbsent("codec", k -> new LinkedHashMap<>());
        ((List<Object>) codecs.computeIfAbsent(verb, k -> new ArrayList<>())).add(codec);
    }

    private void addAll(String listKey, Object value, String key) {
        if (value instanceof String s) {
            add(listKey, s);
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    add(listKey, s);
                } else {
                    warnings.add("'" + key + "': only words belong in this list; a nested list skipped");
                }
            }
        } else {
            warnings.add("'" + key + "' takes a word or a list, not a dictionary; skipped");
        }
    }

    @SuppressWarnings("unchecked")
    private void add(String listKey, String value) {
        Object existing = out.get(listKey);
        List<Object> list;
        if (existing instanceof List<?> l) {
            list = (List<Object>) l;
        } else {
            list = new ArrayList<>();
            out.put(listKey, list);
        }
        list.add(value);
    }

    private void applyTransport() {
        if ((transport & 0x100) == 0) {
            return;
        }
        // DTLS already implies SRTP: "DTLS SRTP" names no protocol (rtpengine and Kamailio leave it unset too)
        String name = switch (transport & 0x7) {
            case 0 -> "RTP/AVP";
            case 1 -> "RTP/SAVP";
            case 2 -> "RTP/AVPF";
            case 3 -> "RTP/SAVPF";
            case 4 -> "UDP/TLS/RTP/SAVP";
            case 6 -> "UDP/TLS/RTP/SAVPF";
            default -> null;
        };
        if (name == null) {
            warnings.add("the transport words name no protocol (DTLS with SRTP); transport-protocol not set");
        } else {
            out.put("transport-protocol", name);
        }
    }
}

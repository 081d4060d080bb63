package org.ngrelay.ng.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One decoded ng dictionary with rtpengine's spelling rules applied once:
 * <ul>
 *   <li>keys: a space, hyphen or underscore between words are the same ({@code delete delay},
 *       {@code delete-delay}, {@code delete_delay}); case matters ({@code ICE}, {@code TOS});</li>
 *   <li>{@code flags}: words normalised the same way and compared without case; a
 *       {@code key=value} word sets that key; {@code replace-X}, {@code rtcp-mux-X},
 *       {@code codec-strip-X} (and mask, offer, except, transcode), {@code SDES-X}, {@code OSRTP-X} and bare
 *       transport protocols ({@code RTP/AVP}) fill the keys they stand for. Flags never override
 *       a key the dictionary itself gives.</li>
 *   <li>{@code rtpp-flags} (one string, newer rtpengine's form): parsed by {@link RtppFlags} and
 *       merged the same way, below the dictionary's own keys and flags.</li>
 * </ul>
 */
public final class NgRequest {

    private static final Logger LOG = Logger.getLogger(NgRequest.class.getName());

    /** Flags ngrelay knows (normalised); anything else is logged and ignored, like rtpengine. */
    private static final Set<String> KNOWN_FLAGS = Set.of(
            "trust-address", "sip-source-address", "symmetric", "asymmetric", "unidirectional", "strict-source",
            "media-handover", "port-latching", "no-port-latching", "no-rtcp-attribute", "full-rtcp-attribute",
            "loop-protect", "original-sendrecv", "record-call", "fatal", "fast", "all", "pause", "reset",
            "force", "force-answer", "no-redis-update", "generate-mid", "pierce-nat", "nat-wait", "provisional",
            "debug", "discard-recording", "single-leg", "siprec", "inactive", "directional", "bidirectional",
            "allow-transcoding", "inject-dtmf", "trickle-ice", "reject-ice", "strip-extmap", "always-transcode",
            "static-codecs", "single-codec", "reuse-codecs", "allow-asymmetric-codecs", "allow-no-codec-media", "dtls-reverse");

    /** Keys ngrelay reads or knowingly ignores (Kamailio and OpenSIPS send several on every request). */
    private static final Set<String> KNOWN_KEYS = Set.of("command", "call-id", "from-tag", "to-tag", "via-branch", "label",
            "sdp", "flags", "replace", "received-from", "media-address", "address-family", "direction", "ICE", "DTLS",
            "SDES", "OSRTP", "rtcp-mux", "codec", "ptime", "TOS", "transport-protocol", "delete-delay", "supports",
            "sip-message-type", "limit", "record-call", "metadata", "interface", "from-interface", "to-interface",
            "T.38", "repacketize", "xmlrpc-callback", "SIP-code", "set-label", "to-label", "all", "rtpp-flags", "pause",
            "recording-file", "recording-dir", "recording-path", "recording-pattern", "endpoint-learning", "DTLS-fingerprint");

    private static final Set<String> TRANSPORTS = Set.of("RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF",
            "UDP/TLS/RTP/SAVP", "UDP/TLS/RTP/SAVPF");

    private static final String[] CODEC_VERBS = {"strip", "mask", "offer", "except", "transcode", "consume", "accept", "set", "ignore"};

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<String> unknownFlags = new ArrayList<>();
    private final String command;
    private final String source;

    public NgRequest(Map<String, Object> dict) {
        this(dict, null);
    }

    /** @param source the ng client's address ({@code IP:port}), or null when unknown */
    public NgRequest(Map<String, Object> dict, String source) {
        this.source = source;
        List<String> unknownKeys = new ArrayList<>();
        for (Map.Entry<String, Object> e : dict.entrySet()) {
            String key = normaliseKey(e.getKey());
            if (!KNOWN_KEYS.contains(key)) {
                unknownKeys.add(e.getKey());
            }
            values.putIfAbsent(key, e.getValue());
        }
        Object c = values.get("command");
        this.command = c instanceof String s ? s : null;
        Object rawFlags = values.get("flags");
        if (rawFlags instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof String s) {
                    flag(s);
                }
            }
        } else if (rawFlags instanceof String s) {
            for (String word : s.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    flag(word);
                }
            }
        }
        List<String> rtppNotes = rtppFlags(values.get("rtpp-flags"), unknownKeys);
        // logged once the call-id is known, so the line carries it like every other line of the call
        String prefix = string("call-id") != null ? "[" + string("call-id") + "] " : "";
        for (String note : rtppNotes) {
            LOG.warning(() -> prefix + note);
        }
        for (String key : unknownKeys) {
            LOG.info(() -> prefix + "Ignoring unknown key '" + key + "'");
        }
        for (String flag : unknownFlags) {
            LOG.info(() -> prefix + "Unknown flag encountered: '" + flag + "'");
        }
    }

    /**
     * Merges the {@code rtpp-flags} string (newer rtpengine's form, which Kamailio >= 5.8 sends when the
     * daemon is to parse the flags) as if its entries had been dictionary keys and flags. A key the
     * dictionary gives itself, directly or through its {@code flags}, is taken from the dictionary
     * alone; flag words are added to the dictionary's. A string {@link RtppFlags} cannot make sense of
     * is ignored whole (newer rtpengine gives no error either).
     *
     * @return lines to log
     */
    private List<String> rtppFlags(Object raw, List<String> unknownKeys) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof String text)) {
            return List.of("Ignoring rtpp-flags: not a string");
        }
        RtppFlags.Parsed parsed;
        try {
            parsed = RtppFlags.parse(text);
        } catch (RtppFlags.SyntaxException e) {
            return List.of("Ignoring malformed rtpp-flags (" + e.getMessage() + "): '" + text + "'");
        }
        List<String> notes = new ArrayList<>();
        for (String w : parsed.warnings()) {
            notes.add("rtpp-flags: " + w);
        }
        Set<String> given = Set.copyOf(values.keySet());
        for (Map.Entry<String, Object> e : parsed.values().entrySet()) {
            String key = normaliseKey(e.getKey());
            if (key.equals("flags")) {
                if (e.getValue() instanceof List<?> words) {
                    for (Object w : words) {
                        flag((String) w);
                    }
                    // the flags key reads as the dictionary's flags and these words after them
                    Object own = values.get("flags");
                    if (own == null || own instanceof List<?>) {
                        List<Object> all = own instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                        all.addAll(words);
                        values.put("flags", all);
                    }
                }
            } else if (given.contains(key)) {
                LOG.fine(() -> "rtpp-flags: '" + key + "' is given by the dictionary, which wins");
            } else {
                if (!KNOWN_KEYS.contains(key)) {
                    unknownKeys.add(e.getKey());
                }
                values.put(key, e.getValue());
            }
        }
        return notes;
    }

    public static String normaliseKey(String key) {
        return key.replace(' ', '-').replace('_', '-');
    }

    private static String normaliseFlag(String flag) {
        return normaliseKey(flag.trim()).toLowerCase(Locale.ROOT);
    }

    private void flag(String word) {
        if (TRANSPORTS.contains(word)) {
            values.putIfAbsent("transport-protocol", word);
            return;
        }
        int eq = word.indexOf('=');
        if (eq > 0) {
            String key = normaliseKey(word.substring(0, eq));
            String value = word.substring(eq + 1);
            switch (key.toLowerCase(Locale.ROOT)) {
                case "direction", "replace", "rtcp-mux", "sdes", "osrtp", "supports" -> addToList(canonicalListKey(key), value);
                case "ice" -> values.putIfAbsent("ICE", value);
                case "dtls" -> values.putIfAbsent("DTLS", value);
                case "tos" -> values.putIfAbsent("TOS", value);
                default -> {
                    if (!codecFlag(key, value)) {
                        values.putIfAbsent(key, value);
                    }
                }
            }
            return;
        }
        String f = normaliseFlag(word);
        if (f.startsWith("replace-")) {
            addToList("replace", f.substring("replace-".length()));
        } else if (f.startsWith("rtcp-mux-")) {
            addToList("rtcp-mux", f.substring("rtcp-mux-".length()));
        } else if (f.startsWith("sdes-")) {
            addToList("SDES", word.substring("SDES-".length()));
        } else if (f.startsWith("osrtp-")) {
            addToList("OSRTP", word.substring("OSRTP-".length())); // OSRTP-offer, OSRTP-accept (10.5's flag spellings)
        } else if (f.startsWith("codec-") && codecPrefixed(word)) {
            return;
        } else {
            if (!KNOWN_FLAGS.contains(f)) {
                unknownFlags.add(word);
            }
            flags.add(f);
        }
    }

    private static String canonicalListKey(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "sdes" -> "SDES";
            case "osrtp" -> "OSRTP";
            default -> key.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code codec-strip=PCMA} */
    private boolean codecFlag(String key, String value) {
        for (String verb : CODEC_VERBS) {
            if (key.equalsIgnoreCase("codec-" + verb)) {
                addCodec(verb, value);
                return true;
            }
        }
        return false;
    }

    /** {@code codec-strip-PCMA}: the codec name keeps its case. */
    private boolean codecPrefixed(String word) {
        String normalised = normaliseKey(word);
        for (String verb : CODEC_VERBS) {
            String prefix = "codec-" + verb + "-";
            if (normalised.regionMatches(true, 0, prefix, 0, prefix.length()) && normalised.length() > prefix.length()) {
                addCodec(verb, word.substring(prefix.length()));
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void addCodec(String verb, String codec) {
        Object existing = values.get("codec");
        Map<String, Object> codecs;
        if (existing instanceof Map<?, ?> m) {
            codecs = new LinkedHashMap<>((Map<String, Object>) m);
        } else {
            codecs = new LinkedHashMap<>();
        }
        List<Object> list = codecs.get(verb) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        list.add(codec);
        codecs.put(verb, list);
        values.put("codec", codecs);
    }

    private void addToList(String key, String value) {
        Object existing = values.get(key);
        List<Object> list = existing instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        list.add(value);
        values.put(key, list);
    }

    /** The ng client's address ({@code IP:port}), or null. */
    public String source() {
        return source;
    }

    /** The command, or null when missing or not a string. */
    public String command() {
        return command;
    }

    public boolean flag(String normalisedName, String... aliases) {
        if (flags.contains(normalisedName)) {
            return true;
        }
        for (String a : aliases) {
            if (flags.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** A string value, or null when absent or not a string. */
    public String string(String key) {
        Object v = values.get(key);
        return v instanceof String s ? s : null;
    }

    /** A string value, or null when absent; numbers are given as text too. */
    public String text(String key) {
        Object v = values.get(key);
        if (v instanceof String s) {
            return s;
        }
        return v instanceof Number n ? n.toString() : null;
    }

    /** An integer value (a bencode integer or a decimal string), or null. */
    public Integer integer(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A list of strings; a single string counts as a list of one. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                } else if (o instanceof Number n) {
                    out.add(n.toString());
                }
            }
        } else if (v instanceof String s && !s.isEmpty()) {
            out.add(s);
        }
        return out;
    }

    /** A dictionary value, or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String key) {
        Object v = values.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** yes/on/true/1 (record-call style). */
    public boolean yes(String key) {
        String v = text(key);
        return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true") || v.equals("1"));
    }
}

package org.ngrelay.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * File names and places of recordings: {@code --recording-pattern} with rtpengine-recording's
 * placeholders, sanitised names, and paths that must stay inside the recording directory even
 * through symlinks.
 */
final class RecordingNames {

    /** rtpengine 10.5's prefix: the URI-escaped call-id and the random tag. */
    static final String DEFAULT_PATTERN = "%c-%r";
    private static final int NAME_MAX_BYTES = 255;

    private RecordingNames() {
    }

    /**
     * Expands {@code %c} (call-id, URI-escaped), {@code %r} (random tag), {@code %l} (label),
     * {@code %Y %m %d %H %M %S} (start time), {@code %{key}} ({@code key:val|...} metadata) and
     * {@code %%}; unknown placeholders stay as they are.
     */
    static String expand(String pattern, String callId, String randomTag, String label, String metadata, LocalDateTime time) {
        Map<String, String> keys = metadataKeys(metadata);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                sb.append(c);
                continue;
            }
            char p = pattern.charAt(++i);
            switch (p) {
                case 'c' -> sb.append(uriEscape(callId));
                case 'r' -> sb.append(randomTag);
                case 'l' -> sb.append(label == null ? "" : label);
                case 'Y' -> sb.append(String.format("%04d", time.getYear()));
                case 'm' -> sb.append(String.format("%02d", time.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", time.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", time.getHour()));
                case 'M' -> sb.append(String.format("%02d", time.getMinute()));
                case 'S' -> sb.append(String.format("%02d", time.getSecond()));
                case '%' -> sb.append('%');
                case '{' -> {
                    int end = pattern.indexOf('}', i);
                    if (end < 0) {
                        sb.append("%{");
                    } else {
                        sb.append(keys.getOrDefault(pattern.substring(i + 1, end), ""));
                        i = end;
                    }
                }
                default -> sb.append('%').append(p);
            }
        }
        return sb.toString();
    }

    /**
     * A safe file name: no '/', no control characters, not "." or "..", at most 255 bytes once
     * {@code extension} is added (the extension is kept whole).
     */
    static String sanitise(String name, String extension) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.appendCodePoint(cp == '/' || cp == '\\' || cp < 0x20 || cp == 0x7f ? '_' : cp));
        String s = sb.toString();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            s = "_" + s;
        }
        int budget = NAME_MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        while (s.getBytes(StandardCharsets.UTF_8).length > budget) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        }
        return s + extension;
    }

    /**
     * Resolves {@code requested} (absolute, or relative to {@code root}) with symlinks followed as
     * far as it exists, and refuses anything that ends up outside {@code root}.
     */
    static Path inside(Path root, String requested) throws IOException {
        Path realRoot = root.toRealPath();
        Path candidate = realRoot.resolve(requested).normalize();
        Path existing = candidate;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path resolved = existing == null ? candidate : existing.toRealPath().resolve(existing.relativize(candidate)).normalize();
        if (!resolved.startsWith(realRoot)) {
            throw new IllegalArgumentException("Recording path '" + requested + "' is outside the recording directory");
        }
        return resolved;
    }

    /** rtpengine's file prefix escaping: anything but unreserved URI characters as %XX. */
    static String uriEscape(String callId) {
        StringBuilder sb = new StringBuilder();
        for (byte b : callId.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static Map<String, String> metadataKeys(String metadata) {
        Map<String, String> keys = new HashMap<>();
        if (metadata != null) {
            for (String pair : metadata.split("\\|")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    keys.put(pair.substring(0, colon), pair.substring(colon + 1));
                }
            }
        }
        return keys;
    }
}

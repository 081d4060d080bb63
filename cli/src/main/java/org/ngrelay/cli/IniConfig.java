package org.ngrelay.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * rtpengine.conf's format (a GLib key file): {@code [section]} headers, {@code key = value}
 * lines, {@code #} comments, repeated options as one value separated by {@code ;}. Keys are the
 * long option names without {@code --}.
 */
public final class IniConfig {

    private IniConfig() {
    }

    /**
     * @return the keys of {@code section} in file order
     * @throws IllegalArgumentException for a line that is neither a section, a key nor a comment,
     *     naming the file and line
     */
    public static Map<String, String> read(Path file, String section) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String current = null;
        int lineNo = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": unterminated section header '" + line + "'");
                }
                current = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'key = value', got '" + line + "'");
            }
            if (section.equals(current)) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }
}

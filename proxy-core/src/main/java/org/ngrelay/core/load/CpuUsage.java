package org.ngrelay.core.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU usage between two readings of Linux's {@code /proc/stat} (its first,
 * all-CPU line): the share of time not idle and not waiting for I/O.
 */
final class CpuUsage {

    private final Path stat;
    private long lastTotal = -1;
    private long lastIdle;

    CpuUsage(Path stat) {
        this.stat = stat;
    }

    /** Hundredths of a percent since the previous call; -1 on the first call or when unreadable. */
    int sample() {
        long[] fields;
        try {
            fields = parse(Files.readString(stat, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        long total = 0;
        for (long f : fields) {
            total += f;
        }
        // user nice system idle iowait irq softirq steal ...: idle and iowait are idle time
        long idle = fields[3] + (fields.length > 4 ? fields[4] : 0);
        int usage = -1;
        if (lastTotal >= 0 && total > lastTotal) {
            usage = (int) (10_000 - (idle - lastIdle) * 10_000 / (total - lastTotal));
        }
        lastTotal = total;
        lastIdle = idle;
        return usage;
    }

    /** The numbers of the {@code cpu} line (guest times, already in user and nice, are left out). */
    static long[] parse(String text) {
        int end = text.indexOf('\n');
        String[] words = (end < 0 ? text : text.substring(0, end)).trim().split("\\s+");
        if (!words[0].equals("cpu") || words.length < 5) {
            throw new IllegalArgumentException("not a /proc/stat cpu line: " + words[0]);
        }
        int n = Math.min(words.length - 1, 8);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Long.parseLong(words[i + 1]);
        }
        return out;
    }
}

package org.ngrelay.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a whole process (all threads) from {@code /proc/PID/stat}, in clock ticks. */
final class ProcCpu {

    /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
    static final double TICKS_PER_SECOND = 100.0;

    private final Path stat;

    ProcCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** utime + stime of the process, in seconds. */
    double cpuSeconds() {
        try {
            String s = Files.readString(stat);
            // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + stat + " (is the daemon's PID right?): " + e.getMessage(), e);
        }
    }
}

package org.ngrelay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.cli.control.LogLevels;

/**
 * rtpengine's logging on java.util.logging: {@code --log-level} 0-7 (syslog levels) for every
 * subsystem, {@code --log-level-NAME} for one ({@link LogSubsystem}; both changed at run time by
 * {@code rtpengine-ctl set loglevel [NAME] N}), to syslog unless {@code --log-stderr} (rtpengine's
 * rule; without a syslog socket ngrelay says so and uses stderr). Lines have rtpengine 10.5's shape
 * ({@link LogLine}): {@code [sec.usec] LEVEL: [call-id]: [subsystem] text}. Messages about a call
 * start with {@code [call-id]} or {@code [call-id/tag]}, which the formatter turns into the chosen
 * {@code --log-format}'s prefix. A bad request is one line; a stack trace is printed only for
 * ngrelay's own faults (or at level 7).
 */
final class Logging {

    /** Where syslog listens; the property lets a test put its own socket there. */
    static final String SYSLOG_SOCKET_PROPERTY = "ngrelay.syslog.socket";
    /** rtpengine's NOTICE (5), between WARNING and INFO: "Creating new call" and the like. */
    static final Level NOTICE = new NoticeLevel();
    /** rtpengine leaves internals off unless asked for by name ({@code list loglevel}: -1). */
    private static final int INTERNALS_DEFAULT = -1;

    private static final int[] levels = new int[LogSubsystem.values().length];
    /** The loggers whose level is set: java.util.logging holds loggers weakly, so a level set on one
     * nobody references would be lost with it. */
    private static final List<Logger> configured = new ArrayList<>();
    private static volatile Handler handler;

    static {
        java.util.Arrays.fill(levels, 6);
        levels[LogSubsystem.INTERNALS.ordinal()] = INTERNALS_DEFAULT;
    }

    private Logging() {
    }

    /** The java.util.logging threshold for a syslog level: records at or below it pass. */
    static Level level(int syslogLevel) {
        if (syslogLevel < 0) {
            return Level.OFF;
        }
        if (syslogLevel <= 3) {
            return Level.SEVERE;
        }
        if (syslogLevel == 4) {
            return Level.WARNING;
        }
        if (syslogLevel == 5) {
            return NOTICE;
        }
        if (syslogLevel == 6) {
            return Level.INFO;
        }
        return Level.ALL;
    }

    /** A record's syslog severity: 3 err, 4 warning, 5 notice, 6 info, 7 debug. */
    static int syslogLevel(Level l) {
        if (l.intValue() >= Level.SEVERE.intValue()) {
            return 3;
        }
        if (l.intValue() >= Level.WARNING.intValue()) {
            return 4;
        }
        if (l.intValue() >= NOTICE.intValue()) {
            return 5;
        }
        return l.intValue() >= Level.INFO.intValue() ? 6 : 7;
    }

    /** Start-up with rtpengine's defaults for the line format (tests). */
    static void configure(int syslogLevel, boolean stderr, int facility) {
        configure(syslogLevel, Map.of(), stderr, facility, LogLine.Options.DEFAULT);
    }

    /**
     * @param syslogLevel {@code --log-level}
     * @param perSubsystem {@code --log-level-NAME} values given
     * @param stderr   {@code --log-stderr}
     * @param facility {@code --log-facility}'s number
     */
    static synchronized void configure(int syslogLevel, Map<LogSubsystem, Integer> perSubsystem, boolean stderr,
                                       int facility, LogLine.Options format) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        Handler h = null;
        String missing = null;
        if (!stderr) {
            Path socket = Path.of(System.getProperty(SYSLOG_SOCKET_PROPERTY, "/dev/log"));
            h = SyslogHandler.open(socket, facility, format.splitLines());
            if (h == null) {
                missing = socket.toString();
            } else {
                h.setFormatter(new LogLine(format, false));
            }
        }
        if (h == null) {
            h = new ConsoleHandler(); // stderr; replacing its stream would close System.err
            h.setFormatter(new LogLine(format, format.timestamps()));
        }
        // each logger's level decides; the handler passes whatever reaches it
        h.setLevel(Level.ALL);
        handler = h;
        root.addHandler(h);
        for (LogSubsystem s : LogSubsystem.values()) {
            levels[s.ordinal()] = s == LogSubsystem.INTERNALS ? INTERNALS_DEFAULT : syslogLevel;
        }
        perSubsystem.forEach((s, n) -> levels[s.ordinal()] = n);
        apply();
        if (missing != null) {
            Logger.getLogger(Logging.class.getName()).info("No syslog socket at " + missing + ": logging to stderr");
        }
    }

    /** {@code set loglevel N}: every subsystem, internals included (as rtpengine 10.5). */
    static synchronized void setLevel(int syslogLevel) {
        java.util.Arrays.fill(levels, syslogLevel);
        apply();
    }

    /** {@code set loglevel NAME N}. */
    static synchronized void setLevel(LogSubsystem subsystem, int syslogLevel) {
        levels[subsystem.ordinal()] = syslogLevel;
        apply();
    }

    static int level(LogSubsystem subsystem) {
        return levels[subsystem.ordinal()];
    }

    /** core's level: what {@code --log-level} set. */
    static int currentLevel() {
        return level(LogSubsystem.CORE);
    }

    /** The levels as the CLI sees them ({@code rtpengine-ctl list|set loglevel}). */
    static LogLevels control() {
        return new LogLevels() {
            @Override
            public List<String> names() {
                List<String> out = new ArrayList<>();
                for (LogSubsystem s : LogSubsystem.values()) {
                    out.add(s.label);
                }
                return out;
            }

            @Override
            public String description(String name) {
                return LogSubsystem.named(name).description;
            }

            @Override
            public int level(String name) {
                return Logging.level(LogSubsystem.named(name));
            }

            @Override
            public void setAll(int level) {
                setLevel(level);
            }

            @Override
            public boolean set(String name, int level) {
                LogSubsystem s = LogSubsystem.named(name);
                if (s == null) {
                    return false;
                }
                setLevel(s, level);
                return true;
            }
        };
    }

    private static void apply() {
        configured.clear();
        Logger root = Logger.getLogger("");
        root.setLevel(level(levels[LogSubsystem.CORE.ordinal()]));
        configured.add(root);
        for (LogSubsystem s : LogSubsystem.values()) {
            for (String p : s.packages) {
                Logger l = Logger.getLogger(p);
                int n = levels[s.ordinal()];
                // Netty's own chatter below warnings is not ngrelay's to show
                l.setLevel(level(p.equals("io.netty") ? Math.min(n, 4) : n));
                configured.add(l);
            }
        }
    }

    private static final class NoticeLevel extends Level {
        private static final long serialVersionUID = 1L;

        NoticeLevel() {
            super("NOTICE", 850);
        }
    }

    /**
     * The JVM resets java.util.logging in a shutdown hook of its own, racing the daemon's hook, so
     * "Shutting down" and anything logged while closing would be lost. This manager ignores that
     * reset; it is installed with {@code -Djava.util.logging.manager} before any logger exists.
     */
    public static final class ShutdownSafeLogManager extends java.util.logging.LogManager {
        public ShutdownSafeLogManager() {
            super();
        }

        @Override
        public void reset() {
            // keep the handlers: the daemon closes its own resources and logs until the end
        }
    }

    /** Call first thing in main(), before any class creates a logger. */
    static void installShutdownSafeManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    static String name(Level l) {
        return switch (syslogLevel(l)) {
            case 3 -> "ERR";
            case 4 -> "WARNING";
            case 5 -> "NOTICE";
            case 6 -> "INFO";
            default -> "DEBUG";
        };
    }
}

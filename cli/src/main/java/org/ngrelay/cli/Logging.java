package org.ngrelay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * rtpengine's logging on java.util.logging: {@code --log-level} 0-7 (syslog levels; changed at run
 * time by {@code rtpengine-ctl set loglevel}), to syslog unless {@code --log-stderr} (rtpengine's
 * rule; without a syslog socket ngrelay says so and uses stderr), one line per record. Lines about
 * a call start with {@code [call-id]} or {@code [call-id/tag]}; a bad request is one line, and a
 * stack trace is printed only for ngrelay's own faults (or at level 7).
 */
final class Logging {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** Where syslog listens; the property lets a test put its own socket there. */
    static final String SYSLOG_SOCKET_PROPERTY = "ngrelay.syslog.socket";

    private static volatile int currentLevel = 6;
    private static volatile Handler handler;

    private Logging() {
    }

    static Level level(int syslogLevel) {
        if (syslogLevel <= 3) {
            return Level.SEVERE;
        }
        if (syslogLevel == 4) {
            return Level.WARNING;
        }
        if (syslogLevel <= 6) {
            return Level.INFO;
        }
        return Level.FINE;
    }

    /** A record's syslog severity: 3 err, 4 warning, 6 info, 7 debug. */
    static int syslogLevel(Level l) {
        if (l.intValue() >= Level.SEVERE.intValue()) {
            return 3;
        }
        if (l.intValue() >= Level.WARNING.intValue()) {
            return 4;
        }
        return l.intValue() >= Level.INFO.intValue() ? 6 : 7;
    }

    /**
     * @param stderr   {@code --log-stderr}
     * @param facility {@code --log-facility}'s number
     */
    static void configure(int syslogLevel, boolean stderr, int facility) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        Handler h = null;
        String missing = null;
        if (!stderr) {
            Path socket = Path.of(System.getProperty(SYSLOG_SOCKET_PROPERTY, "/dev/log"));
            h = SyslogHandler.open(socket, facility);
            if (h == null) {
                missing = socket.toString();
            } else {
                h.setFormatter(new LineFormatter(false));
            }
        }
        if (h == null) {
            h = new ConsoleHandler(); // stderr; replacing its stream would close System.err
            h.setFormatter(new LineFormatter(true));
        }
        handler = h;
        root.addHandler(h);
        setLevel(syslogLevel);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
        if (missing != null) {
            Logger.getLogger(Logging.class.getName()).info("No syslog socket at " + missing + ": logging to stderr");
        }
    }

    /** {@code set loglevel N} and start-up. */
    static void setLevel(int syslogLevel) {
        currentLevel = syslogLevel;
        Level level = level(syslogLevel);
        Handler h = handler;
        if (h != null) {
            h.setLevel(level);
        }
        Logger.getLogger("").setLevel(level);
    }

    static int currentLevel() {
        return currentLevel;
    }

    /** {@code [time] LEVEL: text} (syslog adds its own time), a throwable's message on the same line. */
    private static final class LineFormatter extends Formatter {
        private final boolean withTime;

        LineFormatter(boolean withTime) {
            this.withTime = withTime;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder();
            if (withTime) {
                sb.append('[').append(LocalDateTime.now().format(TIME)).append("] ");
            }
            sb.append(name(r.getLevel())).append(": ").append(formatMessage(r));
            if (r.getThrown() != null) {
                sb.append(": ").append(r.getThrown());
            }
            sb.append('\n');
            // Stack traces only for our own faults (SEVERE), never for a bad request.
            if (r.getThrown() != null && (r.getLevel().intValue() >= Level.SEVERE.intValue() || currentLevel >= 7)) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
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

    private static String name(Level l) {
        return switch (syslogLevel(l)) {
            case 3 -> "ERR";
            case 4 -> "WARNING";
            case 6 -> "INFO";
            default -> "DEBUG";
        };
    }
}

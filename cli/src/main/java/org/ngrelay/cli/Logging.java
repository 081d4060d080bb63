package org.ngrelay.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** rtpengine's {@code --log-level} (syslog 0-7) mapped onto java.util.logging, one line per record. */
final class Logging {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

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

    static void configure(int syslogLevel) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Level level = level(syslogLevel);
        Handler handler = new ConsoleHandler(); // stderr; replacing its stream would close System.err
        handler.setLevel(level);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                StringBuilder sb = new StringBuilder();
                sb.append('[').append(LocalDateTime.now().format(TIME)).append("] ")
                        .append(name(r.getLevel())).append(": ").append(formatMessage(r));
                if (r.getThrown() != null) {
                    sb.append(": ").append(r.getThrown());
                }
                sb.append('\n');
                // Stack traces only for our own faults (SEVERE), never for a bad request.
                if (r.getThrown() != null && (r.getLevel().intValue() >= Level.SEVERE.intValue() || level.intValue() <= Level.FINE.intValue())) {
                    java.io.StringWriter w = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                    sb.append(w);
                }
                return sb.toString();
            }
        });
        root.addHandler(handler);
        root.setLevel(level);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
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
        if (l.intValue() >= Level.SEVERE.intValue()) {
            return "ERR";
        }
        if (l.intValue() >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (l.intValue() >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }
}

package org.ngrelay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One record as rtpengine 10.5 prints it, so log shippers and grep patterns written for rtpengine
 * keep working: {@code [1796253017.459451] INFO: [call-id]: [control] text} on stderr (syslog adds
 * its own time), {@code [call-id/tag]: } when a message names a party, and with
 * {@code --log-format=parsable} {@code [ID="call-id"]: } / {@code [ID="call-id" tag="tag"]: }.
 * {@code --log-mark-prefix}/{@code -suffix} wrap the call-id of the default format (rtpengine marks
 * it as sensitive). Each multi-line message and each piece of one longer than
 * {@code --max-log-line-length} becomes a line of its own with the same prefix when
 * {@code --split-logs} (or the length limit) asks for it.
 */
final class LogLine extends Formatter {

    /**
     * @param parsable      {@code --log-format=parsable}
     * @param splitLines    {@code --split-logs}
     * @param maxLineLength {@code --max-log-line-length}, 0 for no limit
     * @param timestamps    not {@code --no-log-timestamps} (stderr only)
     * @param markPrefix    {@code --log-mark-prefix}
     * @param markSuffix    {@code --log-mark-suffix}
     */
    record Options(boolean parsable, boolean splitLines, int maxLineLength, boolean timestamps,
                   String markPrefix, String markSuffix) {
        static final Options DEFAULT = new Options(false, false, 0, true, "", "");
    }

    private final Options options;
    private final boolean withTime;
    private final ConcurrentHashMap<String, LogSubsystem> subsystems = new ConcurrentHashMap<>();

    LogLine(Options options, boolean withTime) {
        this.options = options;
        this.withTime = withTime;
    }

    @Override
    public String format(LogRecord r) {
        String text = formatMessage(r);
        if (r.getThrown() != null) {
            text = text + ": " + r.getThrown();
        }
        StringBuilder head = new StringBuilder();
        if (withTime) {
            long micros = TimeUnit.SECONDS.toMicros(r.getInstant().getEpochSecond()) + r.getInstant().getNano() / 1000;
            head.append('[').append(micros / 1_000_000).append('.').append(String.format("%06d", micros % 1_000_000)).append("] ");
        }
        head.append(Logging.name(r.getLevel())).append(": ");
        int context = contextEnd(text);
        if (context > 0) {
            appendContext(head, text.substring(1, context - 1));
            text = text.substring(context).stripLeading();
        }
        head.append('[').append(subsystems.computeIfAbsent(String.valueOf(r.getLoggerName()), LogSubsystem::of).label).append("] ");
        StringBuilder sb = new StringBuilder();
        for (String line : options.splitLines() ? text.split("\r?\n", -1) : new String[] {text}) {
            int max = options.maxLineLength();
            if (max <= 0 || line.length() <= max) {
                sb.append(head).append(line).append('\n');
                continue;
            }
            for (int i = 0; i < line.length(); i += max) {
                sb.append(head).append(line, i, Math.min(line.length(), i + max)).append('\n');
            }
        }
        // Stack traces only for our own faults (SEVERE), never for a bad request.
        if (r.getThrown() != null && (r.getLevel().intValue() >= Level.SEVERE.intValue() || Logging.currentLevel() >= 7)) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            sb.append(w);
        }
        return sb.toString();
    }

    /** The end (exclusive) of a leading {@code [call-id]} or {@code [call-id/tag]}, or 0. */
    private static int contextEnd(String text) {
        if (text.length() < 3 || text.charAt(0) != '[') {
            return 0;
        }
        int close = text.indexOf(']');
        return close > 1 && (close + 1 == text.length() || text.charAt(close + 1) == ' ') ? close + 1 : 0;
    }

    private void appendContext(StringBuilder head, String context) {
        // A SIP tag is a token, which has no '/'; a Call-ID may have one, so only the last '/' splits.
        int slash = context.lastIndexOf('/');
        String callId = slash > 0 ? context.substring(0, slash) : context;
        String tag = slash > 0 ? context.substring(slash + 1) : null;
        if (options.parsable()) {
            head.append("[ID=\"").append(callId).append('"');
            if (tag != null) {
                head.append(" tag=\"").append(tag).append('"');
            }
            head.append("]: ");
        } else {
            head.append('[').append(options.markPrefix()).append(callId).append(options.markSuffix());
            if (tag != null) {
                head.append('/').append(options.markPrefix()).append(tag).append(options.markSuffix());
            }
            head.append("]: ");
        }
    }
}

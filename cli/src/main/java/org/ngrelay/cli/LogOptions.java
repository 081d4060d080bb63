package org.ngrelay.cli;

import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** rtpengine 10.5's logging options besides {@code --log-level}, {@code --log-stderr} and {@code --log-facility}. */
final class LogOptions {

    @Option(names = "--log-level-core", paramLabel = "INT", description = "log level for: everything that isn't part of another subsystem")
    Integer core;

    @Option(names = "--log-level-spandsp", paramLabel = "INT", description = "log level for: SpanDSP (nothing of ngrelay's)")
    Integer spandsp;

    @Option(names = "--log-level-ffmpeg", paramLabel = "INT", description = "log level for: ffmpeg (nothing of ngrelay's)")
    Integer ffmpeg;

    @Option(names = "--log-level-transcoding", paramLabel = "INT", description = "log level for: media and RTP transcoding")
    Integer transcoding;

    @Option(names = "--log-level-codec", paramLabel = "INT", description = "log level for: codec negotiation")
    Integer codec;

    @Option(names = "--log-level-rtcp", paramLabel = "INT", description = "log level for: RTCP handling")
    Integer rtcp;

    @Option(names = "--log-level-ice", paramLabel = "INT", description = "log level for: ICE negotiation")
    Integer ice;

    @Option(names = "--log-level-crypto", paramLabel = "INT", description = "log level for: negotiation of SRTP, crypto suites, DTLS, SDES")
    Integer crypto;

    @Option(names = "--log-level-srtp", paramLabel = "INT", description = "log level for: SRTP encryption and decryption")
    Integer srtp;

    @Option(names = "--log-level-internals", paramLabel = "INT", description = "log level for: noisy low-level internals (default: off)")
    Integer internals;

    @Option(names = "--log-level-http", paramLabel = "INT", description = "log level for: HTTP, HTTPS, WebSockets")
    Integer http;

    @Option(names = "--log-level-control", paramLabel = "INT", description = "log level for: control protocols including SDP exchanges, CLI")
    Integer control;

    @Option(names = "--log-level-dtx", paramLabel = "INT", description = "log level for: DTX timer/buffer (nothing of ngrelay's)")
    Integer dtx;

    @Option(names = "--debug-srtp", description = "log level 7 for the srtp subsystem (as rtpengine)")
    boolean debugSrtp;

    @Option(names = "--log-format", paramLabel = "default|parsable", defaultValue = "default",
            description = "log prefix format: [call-id]: or [ID=\"call-id\"]: (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--split-logs", description = "print each line of a multi-line message as a log line of its own")
    boolean splitLogs;

    @Option(names = "--max-log-line-length", paramLabel = "INT", defaultValue = "0",
            description = "break log lines at this length (0: never)")
    int maxLineLength;

    @Option(names = "--no-log-timestamps", description = "no timestamps on lines logged to stderr")
    boolean noTimestamps;

    @Option(names = "--log-mark-prefix", paramLabel = "STRING", defaultValue = "",
            description = "printed before sensitive log info (call-ids, tags)")
    String markPrefix;

    @Option(names = "--log-mark-suffix", paramLabel = "STRING", defaultValue = "",
            description = "printed after sensitive log info")
    String markSuffix;

    /** The levels given per subsystem, checked to be syslog levels. */
    Map<LogSubsystem, Integer> perSubsystem() {
        Map<LogSubsystem, Integer> out = new EnumMap<>(LogSubsystem.class);
        put(out, LogSubsystem.CORE, core);
        put(out, LogSubsystem.SPANDSP, spandsp);
        put(out, LogSubsystem.FFMPEG, ffmpeg);
        put(out, LogSubsystem.TRANSCODING, transcoding);
        put(out, LogSubsystem.CODEC, codec);
        put(out, LogSubsystem.RTCP, rtcp);
        put(out, LogSubsystem.ICE, ice);
        put(out, LogSubsystem.CRYPTO, crypto);
        put(out, LogSubsystem.SRTP, debugSrtp ? Integer.valueOf(7) : srtp);
        put(out, LogSubsystem.INTERNALS, internals);
        put(out, LogSubsystem.HTTP, http);
        put(out, LogSubsystem.CONTROL, control);
        put(out, LogSubsystem.DTX, dtx);
        return out;
    }

    LogLine.Options lineOptions() {
        if (!format.equals("default") && !format.equals("parsable")) {
            throw new IllegalArgumentException("Invalid --log-format option ('" + format + "'): default or parsable");
        }
        if (maxLineLength < 0) {
            throw new IllegalArgumentException("--max-log-line-length must be 0 (no limit) or more");
        }
        return new LogLine.Options(format.equals("parsable"), splitLogs, maxLineLength, !noTimestamps, markPrefix, markSuffix);
    }

    private static void put(Map<LogSubsystem, Integer> out, LogSubsystem s, Integer level) {
        if (level == null) {
            return;
        }
        if (level < -1 || level > 7) {
            throw new IllegalArgumentException("--log-level-" + s.label + " must be a syslog level 0-7 (or -1: off), not " + level);
        }
        out.put(s, level);
    }
}

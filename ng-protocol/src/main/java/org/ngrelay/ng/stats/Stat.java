package org.ngrelay.ng.stats;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ngrelay.core.call.CloseReason;
import org.ngrelay.core.call.DaemonStats;

/**
 * Every daemon-wide figure, declared once: its key in the ng {@code statistics} reply, its line
 * in {@code rtpengine-ctl list totals}, its Prometheus series, and how it is read from a
 * {@link DaemonStats}. Names, labels and texts are rtpengine 10.5's (observed on the running
 * daemon); figures rtpengine has but ngrelay cannot have (kernel forwarding, transcoding,
 * foreign sessions) are 0. {@code statistics}, {@code /metrics} and the CLI all read this table.
 */
public enum Stat {
    SESSIONS_OWN(Section.CURRENT, "sessionsown", "Owned sessions", Format.INT,
            Metric.gauge("rtpengine_sessions", "type", "own", "Owned sessions"), DaemonStats::ownSessions),
    SESSIONS_FOREIGN(Section.CURRENT, "sessionsforeign", "Foreign sessions", Format.INT,
            Metric.gauge("rtpengine_sessions", "type", "foreign", "Owned sessions"), DaemonStats::foreignSessions),
    SESSIONS_TOTAL(Section.CURRENT, "sessionstotal", "Total sessions", Format.INT, null, DaemonStats::sessions),
    TRANSCODED_MEDIA(Section.CURRENT, "transcodedmedia", "Transcoded media", Format.INT,
            Metric.gauge("rtpengine_transcoded_media", null, null, "Transcoded media"), s -> 0),
    PACKET_RATE_USER(Section.CURRENT, "packetrate_user", "Packets per second (userspace)", Format.INT, null, DaemonStats::packetRate),
    BYTE_RATE_USER(Section.CURRENT, "byterate_user", "Bytes per second (userspace)", Format.INT, null, DaemonStats::byteRate),
    ERROR_RATE_USER(Section.CURRENT, "errorrate_user", "Errors per second (userspace)", Format.INT, null, DaemonStats::errorRate),
    PACKET_RATE_KERNEL(Section.CURRENT, "packetrate_kernel", "Packets per second (kernel)", Format.INT, null, s -> 0),
    BYTE_RATE_KERNEL(Section.CURRENT, "byterate_kernel", "Bytes per second (kernel)", Format.INT, null, s -> 0),
    ERROR_RATE_KERNEL(Section.CURRENT, "errorrate_kernel", "Errors per second (kernel)", Format.INT, null, s -> 0),
    PACKET_RATE(Section.CURRENT, "packetrate", "Packets per second (total)", Format.INT, null, DaemonStats::packetRate),
    BYTE_RATE(Section.CURRENT, "byterate", "Bytes per second (total)", Format.INT, null, DaemonStats::byteRate),
    ERROR_RATE(Section.CURRENT, "errorrate", "Errors per second (total)", Format.INT, null, DaemonStats::errorRate),
    MEDIA_USERSPACE(Section.CURRENT, "media_userspace", "Userspace-only media streams", Format.INT,
            Metric.gauge("rtpengine_mediastreams", "type", "userspace", "Userspace-only media streams"), DaemonStats::activeStreams),
    MEDIA_KERNEL(Section.CURRENT, "media_kernel", "Kernel-only media streams", Format.INT,
            Metric.gauge("rtpengine_mediastreams", "type", "kernel", "Userspace-only media streams"), s -> 0),
    MEDIA_MIXED(Section.CURRENT, "media_mixed", "Mixed kernel/userspace media streams", Format.INT,
            Metric.gauge("rtpengine_mediastreams", "type", "mixed", "Userspace-only media streams"), s -> 0),

    UPTIME(Section.TOTAL, "uptime", "Uptime of rtpengine", Format.INT_TEXT, " seconds",
            Metric.gauge("rtpengine_uptime_seconds", null, null, "Uptime of rtpengine"), DaemonStats::uptimeSec),
    MANAGED_SESSIONS(Section.TOTAL, "managedsessions", "Total managed sessions", Format.INT,
            Metric.untyped("rtpengine_sessions_total", "Total managed sessions"), DaemonStats::managedSessions),
    REJECTED_SESSIONS(Section.TOTAL, "rejectedsessions", "Total rejected sessions", Format.INT,
            closed(CloseReason.REJECTED), s -> s.closed(CloseReason.REJECTED)),
    TIMEOUT_SESSIONS(Section.TOTAL, "timeoutsessions", "Total timed-out sessions via TIMEOUT", Format.INT,
            closed(CloseReason.TIMEOUT), s -> s.closed(CloseReason.TIMEOUT)),
    SILENT_TIMEOUT_SESSIONS(Section.TOTAL, "silenttimeoutsessions", "Total timed-out sessions via SILENT_TIMEOUT", Format.INT,
            closed(CloseReason.SILENT_TIMEOUT), s -> s.closed(CloseReason.SILENT_TIMEOUT)),
    FINAL_TIMEOUT_SESSIONS(Section.TOTAL, "finaltimeoutsessions", "Total timed-out sessions via FINAL_TIMEOUT", Format.INT,
            closed(CloseReason.FINAL_TIMEOUT), s -> s.closed(CloseReason.FINAL_TIMEOUT)),
    OFFER_TIMEOUT_SESSIONS(Section.TOTAL, "offertimeoutsessions", "Total timed-out sessions via OFFER_TIMEOUT", Format.INT,
            closed(CloseReason.OFFER_TIMEOUT), s -> s.closed(CloseReason.OFFER_TIMEOUT)),
    REGULAR_TERMINATED_SESSIONS(Section.TOTAL, "regularterminatedsessions", "Total regular terminated sessions", Format.INT,
            closed(CloseReason.TERMINATED), s -> s.closed(CloseReason.TERMINATED)),
    FORCED_TERMINATED_SESSIONS(Section.TOTAL, "forcedterminatedsessions", "Total forced terminated sessions", Format.INT,
            closed(CloseReason.FORCE_TERMINATED), s -> s.closed(CloseReason.FORCE_TERMINATED)),
    RELAYED_PACKETS_USER(Section.TOTAL, "relayedpackets_user", "Total relayed packets (userspace)", Format.INT,
            Metric.counter("rtpengine_packets_total", "type", "userspace", "Total relayed packets (userspace)"), DaemonStats::packets),
    RELAYED_PACKET_ERRORS_USER(Section.TOTAL, "relayedpacketerrors_user", "Total relayed packet errors (userspace)", Format.INT,
            Metric.counter("rtpengine_packet_errors_total", "type", "userspace", "Total relayed packet errors (userspace)"), DaemonStats::errors),
    RELAYED_BYTES_USER(Section.TOTAL, "relayedbytes_user", "Total relayed bytes (userspace)", Format.INT,
            Metric.counter("rtpengine_bytes_total", "type", "userspace", "Total relayed bytes (userspace)"), DaemonStats::bytes),
    RELAYED_PACKETS_KERNEL(Section.TOTAL, "relayedpackets_kernel", "Total relayed packets (kernel)", Format.INT,
            Metric.counter("rtpengine_packets_total", "type", "kernel", "Total relayed packets (userspace)"), s -> 0),
    RELAYED_PACKET_ERRORS_KERNEL(Section.TOTAL, "relayedpacketerrors_kernel", "Total relayed packet errors (kernel)", Format.INT,
            Metric.counter("rtpengine_packet_errors_total", "type", "kernel", "Total relayed packet errors (userspace)"), s -> 0),
    RELAYED_BYTES_KERNEL(Section.TOTAL, "relayedbytes_kernel", "Total relayed bytes (kernel)", Format.INT,
            Metric.counter("rtpengine_bytes_total", "type", "kernel", "Total relayed bytes (userspace)"), s -> 0),
    RELAYED_PACKETS(Section.TOTAL, "relayedpackets", "Total relayed packets", Format.INT, null, DaemonStats::packets),
    RELAYED_PACKET_ERRORS(Section.TOTAL, "relayedpacketerrors", "Total relayed packet errors", Format.INT, null, DaemonStats::errors),
    RELAYED_BYTES(Section.TOTAL, "relayedbytes", "Total relayed bytes", Format.INT, null, DaemonStats::bytes),
    ZERO_WAY_STREAMS(Section.TOTAL, "zerowaystreams", "Total number of streams with no relayed packets", Format.INT,
            Metric.counter("rtpengine_zero_packet_streams_total", null, null, "Total number of streams with no relayed packets"),
            DaemonStats::zeroWayStreams),
    ONE_WAY_STREAMS(Section.TOTAL, "onewaystreams", "Total number of 1-way streams", Format.INT,
            Metric.counter("rtpengine_one_way_sessions_total", null, null, "Total number of 1-way streams"), DaemonStats::oneWayStreams),
    AVG_CALL_DURATION(Section.TOTAL, "avgcallduration", "Average call duration", Format.DECIMAL, " seconds",
            Metric.gauge("rtpengine_call_duration_avg", null, null, "Average call duration"), DaemonStats::averageCallDurationSec),
    TOTAL_CALLS_DURATION(Section.TOTAL, "totalcallsduration", "Total calls duration", Format.DECIMAL, " seconds",
            Metric.counter("rtpengine_call_duration_total", null, null, "Total calls duration"), DaemonStats::callDurationTotalSec),
    TOTAL_CALLS_DURATION2(Section.TOTAL, "totalcallsduration2", "Total calls duration squared", Format.DECIMAL, " seconds squared",
            Metric.counter("rtpengine_call_duration2_total", null, null, "Total calls duration squared"), DaemonStats::callDurationSquaredSec),
    CALLS_DURATION_STDDEV(Section.TOTAL, "totalcallsduration_stddev", "Total calls duration standard deviation", Format.DECIMAL,
            " seconds", null, DaemonStats::callDurationStddevSec),

    MOS_TOTAL(Section.MOS, "mos_total", "Sum of all MOS values sampled", Format.DECIMAL,
            Metric.counter("rtpengine_mos_total", null, null, "Sum of all MOS values sampled"), s -> s.quality().mos().sum()),
    MOS2_TOTAL(Section.MOS, "mos2_total", "Sum of all MOS square values sampled", Format.DECIMAL,
            Metric.counter("rtpengine_mos2_total", null, null, "Sum of all MOS square values sampled"),
            s -> s.quality().mos().sumOfSquares()),
    MOS_SAMPLES_TOTAL(Section.MOS, "mos_samples_total", "Total number of MOS samples", Format.INT,
            Metric.counter("rtpengine_mos_samples_total", null, null, "Total number of MOS samples"), s -> s.quality().mos().count()),
    MOS_AVERAGE(Section.MOS, "mos_average", "Average MOS", Format.DECIMAL, null, s -> s.quality().mos().average()),
    MOS_STDDEV(Section.MOS, "mos_stddev", "MOS standard deviation", Format.DECIMAL, null, s -> s.quality().mos().stddev()),

    // Newer rtpengine's sampled RTCP figures (10.5 samples them but exports only MOS): /metrics only
    JITTER_TOTAL(Section.QUALITY, "jitter_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_jitter_total", null, null, "Sum of all jitter values sampled (ms)"), s -> s.quality().jitterMs().sum()),
    JITTER2_TOTAL(Section.QUALITY, "jitter2_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_jitter2_total", null, null, "Sum of all jitter square values sampled"),
            s -> s.quality().jitterMs().sumOfSquares()),
    JITTER_SAMPLES_TOTAL(Section.QUALITY, "jitter_samples_total", null, Format.INT,
            Metric.counter("rtpengine_jitter_samples_total", null, null, "Total number of jitter samples"),
            s -> s.quality().jitterMs().count()),
    RTT_E2E_TOTAL(Section.QUALITY, "rtt_e2e_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_rtt_e2e_total", null, null, "Sum of all end-to-end round-trip time values sampled (us)"),
            s -> s.quality().rttE2eUs().sum()),
    RTT_E2E2_TOTAL(Section.QUALITY, "rtt_e2e2_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_rtt_e2e2_total", null, null, "Sum of all end-to-end round-trip time square values sampled"),
            s -> s.quality().rttE2eUs().sumOfSquares()),
    RTT_E2E_SAMPLES_TOTAL(Section.QUALITY, "rtt_e2e_samples_total", null, Format.INT,
            Metric.counter("rtpengine_rtt_e2e_samples_total", null, null, "Total number of end-to-end round-trip time samples"),
            s -> s.quality().rttE2eUs().count()),
    RTT_DSCT_TOTAL(Section.QUALITY, "rtt_dsct_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_rtt_dsct_total", null, null, "Sum of all discrete round-trip time values sampled (us)"),
            s -> s.quality().rttLegUs().sum()),
    RTT_DSCT2_TOTAL(Section.QUALITY, "rtt_dsct2_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_rtt_dsct2_total", null, null, "Sum of all discrete round-trip time square values sampled"),
            s -> s.quality().rttLegUs().sumOfSquares()),
    RTT_DSCT_SAMPLES_TOTAL(Section.QUALITY, "rtt_dsct_samples_total", null, Format.INT,
            Metric.counter("rtpengine_rtt_dsct_samples_total", null, null, "Total number of discrete round-trip time samples"),
            s -> s.quality().rttLegUs().count()),
    PACKETLOSS_TOTAL(Section.QUALITY, "packetloss_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_packetloss_total", null, null, "Sum of all packet loss values sampled (percent)"),
            s -> s.quality().packetLoss().sum()),
    PACKETLOSS2_TOTAL(Section.QUALITY, "packetloss2_total", null, Format.DECIMAL,
            Metric.counter("rtpengine_packetloss2_total", null, null, "Sum of all packet loss square values sampled"),
            s -> s.quality().packetLoss().sumOfSquares()),
    PACKETLOSS_SAMPLES_TOTAL(Section.QUALITY, "packetloss_samples_total", null, Format.INT,
            Metric.counter("rtpengine_packetloss_samples_total", null, null, "Total number of packet loss samples"),
            s -> s.quality().packetLoss().count()),

    // ngrelay's own (rtpengine 10.5 has no recording figures of this kind)
    RECORDING_FILES(Section.RECORDING, "files", null, Format.INT,
            Metric.counter("ngrelay_recording_files_total", null, null, "Recording sessions started (one PCAP and one metadata file each)"),
            s -> s.recording().files()),
    RECORDING_PACKETS(Section.RECORDING, "packets", null, Format.INT,
            Metric.counter("ngrelay_recording_packets_total", null, null, "Packets written to recording PCAP files"),
            s -> s.recording().packets()),
    RECORDING_DROPPED_PACKETS(Section.RECORDING, "droppedpackets", null, Format.INT,
            Metric.counter("ngrelay_recording_dropped_packets_total", null, null,
                    "Packets left out of recordings because the writer could not keep up"),
            s -> s.recording().droppedPackets()),
    SRTP_AUTH_FAILURES(Section.SRTP, "authfailures", null, Format.INT,
            Metric.counter("ngrelay_srtp_auth_failures_total", null, null, "SRTP and SRTCP packets dropped because their tag did not match"),
            DaemonStats::srtpAuthFailures),
    SRTP_REPLAYS(Section.SRTP, "replays", null, Format.INT,
            Metric.counter("ngrelay_srtp_replays_total", null, null, "SRTP and SRTCP packets dropped as replayed or too old"),
            DaemonStats::srtpReplays),
    DTLS_FAILURES(Section.SRTP, "dtlsfailures", null, Format.INT,
            Metric.counter("ngrelay_dtls_handshake_failures_total", null, null, "DTLS-SRTP handshakes that failed"),
            DaemonStats::dtlsFailures),
    DTLS_FINGERPRINT_MISMATCHES(Section.SRTP, "dtlsfingerprintmismatches", null, Format.INT,
            Metric.counter("ngrelay_dtls_fingerprint_mismatches_total", null, null,
                    "DTLS-SRTP handshakes refused because the peer's certificate did not match its a=fingerprint"),
            DaemonStats::dtlsFingerprintMismatches);

    /** Where the figure sits in the {@code statistics} reply. */
    public enum Section {
        CURRENT("currentstatistics"), TOTAL("totalstatistics"), MOS("mos"), RECORDING("recordingstatistics"), SRTP("srtpstatistics"),
        /** Not in {@code statistics} (rtpengine 10.5 has no such section): {@code /metrics} only. */
        QUALITY(null);

        public final String key;

        Section(String key) {
            this.key = key;
        }
    }

    /** How rtpengine writes the value: a bencode integer, a decimal string ({@code "%.6f"}), an integer as a string. */
    public enum Format { INT, DECIMAL, INT_TEXT }

    public enum Type { GAUGE, COUNTER, UNTYPED }

    /**
     * A Prometheus series: family name, at most one label, type and HELP text (the family's:
     * rtpengine writes the first member's text for the whole family).
     */
    public record Metric(String name, String labelKey, String labelValue, Type type, String help) {
        static Metric gauge(String name, String labelKey, String labelValue, String help) {
            return new Metric(name, labelKey, labelValue, Type.GAUGE, help);
        }

        static Metric counter(String name, String labelKey, String labelValue, String help) {
            return new Metric(name, labelKey, labelValue, Type.COUNTER, help);
        }

        static Metric untyped(String name, String help) {
            return new Metric(name, null, null, Type.UNTYPED, help);
        }
    }

    public final Section section;
    /** The key inside {@link #section} of the {@code statistics} reply. */
    public final String key;
    /** The label of {@code list totals}, or null when the CLI does not show it. */
    public final String cliLabel;
    public final Format format;
    /** What {@code list totals} writes after the value. */
    public final String cliUnit;
    /** The Prometheus series, or null when rtpengine exports none. */
    public final Metric metric;
    private final ToDoubleFunction<DaemonStats> reader;

    Stat(Section section, String key, String cliLabel, Format format, Metric metric, ToDoubleFunction<DaemonStats> reader) {
        this(section, key, cliLabel, format, "", metric, reader);
    }

    Stat(Section section, String key, String cliLabel, Format format, String cliUnit, Metric metric,
         ToDoubleFunction<DaemonStats> reader) {
        this.section = section;
        this.key = key;
        this.cliLabel = cliLabel;
        this.format = format;
        this.cliUnit = cliUnit;
        this.metric = metric;
        this.reader = reader;
    }

    /** rtpengine's closed-session family; its HELP says "rejected" for every reason (10.5's text is kept). */
    private static Metric closed(CloseReason reason) {
        return Metric.counter("rtpengine_closed_sessions_total", "reason", reason.label(), "Total rejected sessions");
    }

    public double value(DaemonStats stats) {
        return reader.applyAsDouble(stats);
    }

    /** The value as the {@code statistics} reply carries it (bencode integer or decimal string). */
    public Object ngValue(DaemonStats stats) {
        double v = value(stats);
        return switch (format) {
            case INT -> (long) v;
            case DECIMAL -> decimal(v);
            case INT_TEXT -> Long.toString((long) v);
        };
    }

    /** The value as {@code list totals} writes it. */
    public String text(DaemonStats stats) {
        double v = value(stats);
        return (format == Format.DECIMAL ? decimal(v) : Long.toString((long) v)) + cliUnit;
    }

    /** rtpengine's {@code %.6f}. */
    public static String decimal(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}

package org.ngrelay.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.dtls.DtlsConfig;
import org.ngrelay.core.path.EndpointLearning;
import org.ngrelay.core.iface.InterfaceSpec;
import org.ngrelay.core.iface.Interfaces;
import org.ngrelay.core.load.LoadLimits;
import org.ngrelay.core.net.MediaLoopGroup;
import org.ngrelay.core.quality.MosMode;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.core.srtp.SrtpKeyLog;
import org.ngrelay.cli.control.CliServer;
import org.ngrelay.cli.control.ControlCli;
import org.ngrelay.cli.control.ControlSockets;
import org.ngrelay.cli.http.HttpServer;
import org.ngrelay.cli.http.Metrics;
import org.ngrelay.ng.NgProcessor;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.command.NgOptions;
import org.ngrelay.ng.transport.NgTcpServer;
import org.ngrelay.ng.transport.NgUdpServer;
import org.ngrelay.recording.PcapRecorder;
import org.ngrelay.recording.RecordingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The daemon, with rtpengine 10.5's option names and defaults. Every option may also be given in
 * the config file ({@code --config-file}, section {@code --config-section}, default
 * {@code [rtpengine]}) under the same name; the command line wins.
 */
@Command(name = "ngrelay", versionProvider = Version.class, sortOptions = false,
        description = "Media proxy for SIP proxies speaking rtpengine's ng protocol (a drop-in for rtpengine).",
        footer = {"", "Example:", "  ngrelay --interface=127.0.0.1 --listen-ng=127.0.0.1:2223 --foreground --log-stderr"})
public final class DaemonCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(DaemonCommand.class.getName());

    /** Where the daemon looks for its config when none is named (rtpengine: /etc/rtpengine/rtpengine.conf). */
    static final String DEFAULT_CONFIG_FILE = "/etc/ngrelay/ngrelay.conf";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = {"-v", "-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = "--codecs", description = "print the codecs ngrelay knows and what it does with them, and exit")
    boolean codecs;

    @Option(names = "--config-file", paramLabel = "FILE",
            description = "ini file to read options from; 'none' for none (default: " + DEFAULT_CONFIG_FILE + " if it exists)")
    String configFile;

    @Option(names = "--config-section", paramLabel = "NAME", defaultValue = "rtpengine",
            description = "section of the config file to use (default: ${DEFAULT-VALUE})")
    String configSection;

    @Option(names = {"-i", "--interface"}, paramLabel = "[NAME/]IP[!IP]",
            description = "local address for media, optionally named and with an advertised address after '!'; repeatable (default: 127.0.0.1)")
    List<String> interfaces = new ArrayList<>();

    @Option(names = "--max-load", paramLabel = "FLOAT", defaultValue = "0",
            description = "refuse new calls while the 1-minute load average is above this, 0 = no limit (default: ${DEFAULT-VALUE})")
    double maxLoad;

    @Option(names = "--max-cpu", paramLabel = "FLOAT", defaultValue = "0",
            description = "refuse new calls while CPU usage (percent, sampled every 0.5 s) is above this, 0 = no limit (default: ${DEFAULT-VALUE})")
    double maxCpu;

    @Option(names = "--max-bandwidth", paramLabel = "INT", defaultValue = "0",
            description = "refuse new calls while media received exceeds this many bytes per second, 0 = no limit (default: ${DEFAULT-VALUE})")
    long maxBandwidth;

    @Option(names = "--endpoint-learning", paramLabel = "delayed|immediate|off|heuristic", defaultValue = "delayed",
            description = "how a party's media source replaces its SDP address: after 3 s of media, at the first packet, never, "
                    + "or after 3 s preferring sources that match the SDP (default: ${DEFAULT-VALUE})")
    String endpointLearning;

    @Option(names = "--mos", paramLabel = "CQ|LQ", defaultValue = "CQ",
            description = "MOS from RTCP: CQ (conversational, needs both legs' round-trip time) or LQ (listening, also without it) "
                    + "(default: ${DEFAULT-VALUE})")
    String mos;

    @Option(names = "--sip-source",
            description = "send media to the SIP message's source (received-from) unless a request says trust-address, as rtpproxy did")
    boolean sipSource;

    @Option(names = "--reject-invalid-sdp",
            description = "refuse an SDP with a blank line (rtpengine's only check) instead of ignoring what follows it")
    boolean rejectInvalidSdp;

    @Option(names = "--max-sessions", paramLabel = "INT", defaultValue = "-1",
            description = "refuse new calls beyond this many (-1 = no limit, 0 = refuse all new calls) (default: ${DEFAULT-VALUE})")
    int maxSessions;

    @Option(names = {"-m", "--port-min"}, paramLabel = "INT", defaultValue = "30000", description = "lowest media port (default: ${DEFAULT-VALUE})")
    int portMin;

    @Option(names = {"-M", "--port-max"}, paramLabel = "INT", defaultValue = "40000", description = "highest media port (default: ${DEFAULT-VALUE})")
    int portMax;

    @Option(names = {"-o", "--timeout"}, paramLabel = "SECS", defaultValue = "60",
            description = "end an answered call after this long without media (default: ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = {"-s", "--silent-timeout"}, paramLabel = "SECS", defaultValue = "3600",
            description = "the same for calls with one-way or held media (default: ${DEFAULT-VALUE})")
    int silentTimeout;

    @Option(names = {"-a", "--final-timeout"}, paramLabel = "SECS", defaultValue = "0",
            description = "end any call this long after it began, 0 = never (default: ${DEFAULT-VALUE})")
    int finalTimeout;

    @Option(names = "--offer-timeout", paramLabel = "SECS", defaultValue = "3600",
            description = "end a call that got no answer after this long (default: ${DEFAULT-VALUE})")
    int offerTimeout;

    @Option(names = {"-d", "--delete-delay"}, paramLabel = "SECS", defaultValue = "30",
            description = "keep a deleted call queryable this long; the delete-delay key overrides it (default: ${DEFAULT-VALUE})")
    int deleteDelay;

    @Option(names = {"-T", "--tos"}, paramLabel = "INT", defaultValue = "0", description = "IP TOS of media packets (default: ${DEFAULT-VALUE})")
    int tos;

    @Option(names = {"-p", "--pidfile"}, paramLabel = "FILE", description = "write the process id to this file")
    Path pidfile;

    @Option(names = {"-f", "--foreground"},
            description = "stay in the foreground (ngrelay always does; accepted for rtpengine compatibility)")
    boolean foreground;

    @Option(names = {"-L", "--log-level"}, paramLabel = "0-7", defaultValue = "6",
            description = "syslog level: 3 errors, 4 warnings, 6 info, 7 debug (default: ${DEFAULT-VALUE})")
    int logLevel;

    @Option(names = {"-E", "--log-stderr"}, description = "log to stderr instead of syslog")
    boolean logStderr;

    @Option(names = "--log-facility", paramLabel = "NAME", defaultValue = "daemon",
            description = "syslog facility: daemon, local0 ... local7, user, ... (default: ${DEFAULT-VALUE})")
    String logFacility;

    @Option(names = "--num-threads", paramLabel = "INT",
            description = "media threads (default: number of CPU cores)")
    Integer numThreads;

    @Option(names = "--recording-dir", paramLabel = "DIR",
            description = "record calls here (pcaps/, metadata/, tmp/ inside); the directory must exist")
    Path recordingDir;

    @Option(names = "--recording-method", paramLabel = "pcap", defaultValue = "pcap",
            description = "only 'pcap' (rtpengine's 'proc' needs its kernel module) (default: ${DEFAULT-VALUE})")
    String recordingMethod;

    @Option(names = "--recording-format", paramLabel = "raw|eth", defaultValue = "raw",
            description = "PCAP link type: raw IP (101) or Ethernet (1) (default: ${DEFAULT-VALUE})")
    String recordingFormat;

    @Option(names = "--recording-pattern", paramLabel = "PATTERN", defaultValue = "%c-%r",
            description = "recording file names: %%c call-id, %%r random tag, %%l label, %%Y %%m %%d %%H %%M %%S, %%{key} from key:val metadata (default: ${DEFAULT-VALUE})")
    String recordingPattern;

    @Option(names = "--recording-notify-command", paramLabel = "PATH",
            description = "run after a recording's files are closed, with the metadata and PCAP paths as arguments")
    Path recordingNotifyCommand;

    @Option(names = "--recording-rotate", paramLabel = "SECS", defaultValue = "0",
            description = "split recordings into numbered PCAP parts of this many seconds, 0 = never (default: ${DEFAULT-VALUE})")
    int recordingRotate;

    @Mixin
    ListenOptions listen;

    @Mixin
    LogOptions log;

    @Mixin
    DtlsOptions dtls;

    @Mixin(name = "inert")
    InertOptions inert;

    @Spec
    CommandSpec spec;

    /** Set once the daemon is serving (tests wait on it). */
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    volatile NgUdpServer server;
    volatile CliServer cliServer;
    volatile HttpServer httpServer;
    volatile HttpServer httpsServer;
    volatile NgTcpServer tcpNgServer;

    @Override
    public Integer call() throws Exception {
        Integer facility = SyslogHandler.FACILITIES.get(logFacility);
        if (facility == null) {
            throw new IllegalArgumentException("--log-facility must be one of " + new java.util.TreeSet<>(SyslogHandler.FACILITIES.keySet())
                    + ", not '" + logFacility + "'");
        }
        if (maxSessions < -1) {
            throw new IllegalArgumentException("--max-sessions must be -1 (no limit) or at least 0");
        }
        // every address is checked before anything is bound
        ListenOptions.Addresses at = listen.resolve();
        EndpointLearning learning = EndpointLearning.parse(endpointLearning);
        if (learning == null) {
            throw new IllegalArgumentException("--endpoint-learning must be delayed, immediate, off or heuristic, not '" + endpointLearning + "'");
        }
        MosMode mosMode = MosMode.parse(mos);
        if (tos < 0 || tos > 255) {
            throw new IllegalArgumentException("--tos is a byte: 0 to 255");
        }
        if (maxLoad < 0 || maxCpu < 0 || maxBandwidth < 0) {
            throw new IllegalArgumentException("--max-load, --max-cpu and --max-bandwidth are 0 (no limit) or more");
        }
        if (codecs) {
            System.out.print(CodecList.text());
            return 0;
        }
        Logging.configure(logLevel, log.perSubsystem(), logStderr, facility, log.lineOptions());
        logOptionsWithoutEffect();
        List<InterfaceSpec> specs = new ArrayList<>();
        for (String value : interfaces.isEmpty() ? List.of("127.0.0.1") : splitAll(interfaces)) {
            specs.add(InterfaceSpec.parse(value));
        }
        CallConfig config = new CallConfig(timeout, silentTimeout, finalTimeout, offerTimeout, deleteDelay, tos);
        Interfaces ifs = new Interfaces(specs, portMin, portMax);
        DtlsConfig dtlsConfig = dtls.config(); // the one certificate, before any call
        int threads = numThreads != null && numThreads > 0 ? numThreads : Runtime.getRuntime().availableProcessors();
        int webThreads = listen.webThreads(threads);
        try (PcapRecorder recorder = recorder();
             MediaLoopGroup loops = new MediaLoopGroup(threads)) {
            CallManager calls = new CallManager(config, ifs, loops, recorder != null ? recorder : Recorder.NONE);
            calls.dtls(dtlsConfig);
            SrtpKeyLog.toErrorLog(dtls.logSrtpKeys);
            calls.maxSessions(maxSessions);
            calls.mosMode(mosMode);
            Commands commands = new Commands(calls, new NgOptions(sipSource, rejectInvalidSdp, learning));
            NgProcessor processor = new NgProcessor(commands);
            try (LoadLimits limits = calls.loadLimits();
                 NgUdpServer ng = new NgUdpServer(processor, at.ng(), listen.controlTos);
                 NgTcpServer tcpNg = at.tcpNg().isEmpty() ? null : new NgTcpServer(processor, at.tcpNg(), listen.controlTos);
                 Metrics metrics = at.http() == null && at.https() == null ? null : new Metrics(commands)) {
                limits.configure(maxLoad, maxCpu, maxBandwidth);
                ControlCli cli = new ControlCli(commands, Logging.control(), controlSockets(ng, tcpNg),
                        StartParams.of(this, threads, at.ng(), at.cli()));
                commands.cli(cli::run);
                try (CliServer cliServer = at.cli() == null ? null : new CliServer(cli, at.cli());
                     HttpServer http = at.http() == null ? null
                             : new HttpServer(metrics, processor, cli, at.http(), null, webThreads, HttpServer.IDLE_SECONDS);
                     HttpServer https = at.https() == null ? null
                             : new HttpServer(metrics, processor, cli, at.https(), at.tls(), webThreads, HttpServer.IDLE_SECONDS)) {
                    serve(ng, tcpNg, cliServer, http, https, threads, specs);
                }
            }
        } finally {
            if (pidfile != null) {
                Files.deleteIfExists(pidfile);
            }
            LOG.info("Stopped");
            stopped.countDown();
        }
        return 0;
    }

    /** {@code list|set controltos}: the ng UDP sockets, and the ng TCP listener's connections. */
    private static ControlSockets controlSockets(NgUdpServer ng, NgTcpServer tcpNg) {
        return new ControlSockets() {
            @Override
            public int tos() {
                return ng.tos();
            }

            @Override
            public void tos(int tos) {
                ng.tos(tos);
                if (tcpNg != null) {
                    tcpNg.tos(tos);
                }
            }
        };
    }

    private void serve(NgUdpServer ng, NgTcpServer tcpNg, CliServer cliServer, HttpServer http, HttpServer https, int threads,
                       List<InterfaceSpec> specs) throws IOException, InterruptedException {
        server = ng;
        this.tcpNgServer = tcpNg;
        this.cliServer = cliServer;
        this.httpServer = http;
        this.httpsServer = https;
        writePidfile();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndWait, "shutdown"));
        LOG.info("Startup complete, version " + Version.VERSION + " (" + threads + " media threads, ports "
                + portMin + "-" + portMax + " on " + interfaces(specs) + ")");
        started.countDown();
        stop.await();
        LOG.info("Shutting down");
    }

    /**
     * One line for each rtpengine option given that does nothing here, naming it and why; the
     * legacy control protocols say what to use instead (the ng socket is always open).
     */
    private void logOptionsWithoutEffect() {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (OptionSpec option : spec.mixins().get("inert").options()) {
            if (parsed.hasMatchedOption(option)) {
                Object value = option.getValue();
                String text = value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
                String given = option.longestName() + (option.arity().max() == 0 ? "" : "=" + hideSecret(option, text));
                LOG.info(given + " has no effect: " + option.description()[0]);
            }
        }
        for (String warning : listen.legacyWarnings()) {
            LOG.warning(warning);
        }
    }

    /** Passwords stay out of the log: {@code PASSWORD} values, {@code *-secret}, and the {@code PW@} of a Redis address. */
    private static String hideSecret(OptionSpec option, String value) {
        if (option.paramLabel().equals("PASSWORD") || option.longestName().endsWith("-secret")) {
            return "****";
        }
        int at = value.lastIndexOf('@');
        return option.paramLabel().startsWith("[PW@]") && at >= 0 ? "****" + value.substring(at) : value;
    }

    /** SIGTERM: let {@link #call()} close sockets and remove the pidfile before the JVM halts. */
    private void stopAndWait() {
        stop.countDown();
        try {
            stopped.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The recorder, or null without {@code --recording-dir}; refuses what rtpengine's pcap method cannot do. */
    private PcapRecorder recorder() throws IOException {
        if (!recordingMethod.equals("pcap")) {
            throw new IllegalArgumentException("--recording-method=" + recordingMethod + " is not supported: "
                    + ("proc".equals(recordingMethod) ? "'proc' needs rtpengine's kernel module; use 'pcap'" : "use 'pcap'"));
        }
        if (!recordingFormat.equals("raw") && !recordingFormat.equals("eth")) {
            throw new IllegalArgumentException("--recording-format must be raw or eth, not '" + recordingFormat + "'");
        }
        if (recordingDir == null) {
            return null;
        }
        return new PcapRecorder(new RecordingConfig(recordingDir, recordingFormat.equals("eth"), RecordingConfig.DEFAULT_QUEUE_PACKETS,
                recordingPattern, recordingNotifyCommand, recordingRotate));
    }

    /** Ends {@link #call()} (shutdown hook, tests). */
    void shutdown() {
        stop.countDown();
    }

    private static String interfaces(List<InterfaceSpec> specs) {
        List<String> out = new ArrayList<>();
        for (InterfaceSpec s : specs) {
            out.add(s.name() + "/" + Addresses.toText(s.address())
                    + (s.advertised().equals(s.address()) ? "" : "!" + Addresses.toText(s.advertised())));
        }
        return String.join(", ", out);
    }

    private void writePidfile() throws IOException {
        if (pidfile != null) {
            Files.writeString(pidfile, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        }
    }

    /** A config-file value may hold several, separated by ';'. */
    static List<String> splitAll(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(";")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code [IP:]PORT}, {@code [IPv6]:PORT}, {@code localhost:PORT}; a port alone listens on all addresses. */
    static InetSocketAddress parseListen(String value) throws UnknownHostException {
        return HostPort.parse(value, null);
    }
}

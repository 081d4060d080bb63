package org.ngrelay.cli.control;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.call.DaemonStats;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.command.Commands;

/**
 * rtpengine's control CLI commands ({@code rtpengine-ctl}, {@code --listen-cli}, {@code GET /cli/}),
 * answered with rtpengine 10.5's texts: {@code list numsessions|sessions|totals|maxsessions|
 * jsonstats|loglevel|loglevels|timeout|silenttimeout|finaltimeout|offertimeout|deletedelay|controltos|
 * maxload|maxcpu|maxbw|maxopenfiles|interfaces|transcoders|counters}, {@code terminate <call-id>|all|own|foreign},
 * {@code set maxsessions|loglevel|timeout|silenttimeout|finaltimeout|offertimeout|deletedelay|controltos|
 * maxload|maxcpu|maxbw|maxopenfiles} ({@link Settings}), {@code params start|current|diff|revert}
 * ({@link Params}), {@code active} and {@code standby}. {@code get} is
 * {@code list}. Numbers are read as 10.5 reads them ({@code strtol}, {@code strtoul}, {@code strtod}). Runs on whichever thread calls it; the answer completes on a media
 * loop or at once.
 */
public final class ControlCli {

    private static final Logger LOG = Logger.getLogger(ControlCli.class.getName());
    private static final long TIMEOUT_MS = 5000;
    static final String MORE_PARAMETERS = "More parameters required.\n";


    private final Commands commands;
    private final CallManager calls;
    private final LogLevels logLevels;
    private final ControlSockets sockets;
    private final Params params;
    private final Settings settings;

    public ControlCli(Commands commands, LogLevels logLevels) {
        this(commands, logLevels, ControlSockets.holder(0), Map.of());
    }

    /**
     * @param fixedParams what {@code params start|current} print that ngrelay sets at start only,
     *                    under 10.5's names ({@code port-min}, {@code num-threads}, {@code listen-ng}, ...);
     *                    10.5's defaults stand in for the ones left out
     */
    public ControlCli(Commands commands, LogLevels logLevels, ControlSockets sockets, Map<String, String> fixedParams) {
        this.commands = commands;
        this.calls = commands.calls();
        this.logLevels = logLevels;
        this.sockets = sockets;
        this.params = new Params(calls, logLevels, sockets, fixedParams);
        this.settings = new Settings(calls, sockets);
    }

    /** Runs one command line (words separated by blanks) and completes with the text to send back. */
    public CompletableFuture<String> run(String line) {
        List<String> words = words(line);
        String joined = String.join(" ", words);
        LOG.fine(() -> "CLI command: " + joined);
        CompletableFuture<String> answer;
        try {
            answer = dispatch(words, joined);
        } catch (RuntimeException e) {
            LOG.warning(() -> "CLI command '" + joined + "' failed: " + e);
            answer = CompletableFuture.completedFuture("Internal error: " + e.getMessage() + "\n");
        }
        return answer.orTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .exceptionally(e -> "Internal error: " + e + "\n");
    }

    private CompletableFuture<String> dispatch(List<String> words, String joined) {
        if (words.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        return switch (verb) {
            case "list", "get" -> list(rest);
            case "terminate" -> terminate(rest);
            case "set" -> set(rest);
            case "params" -> done(params.run(rest));
            case "active" -> calls.foreign(false).thenApply(n -> "Ok, all calls set to 'owned (active)'\n");
            case "standby" -> calls.foreign(true).thenApply(n -> "Ok, all calls set to 'foreign (standby)'\n");
            default -> done(unknown(joined));
        };
    }

    private CompletableFuture<String> list(List<String> args) {
        if (args.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        return switch (args.get(0)) {
            case "numsessions" -> calls.stats().thenApply(TotalsText::numSessions);
            case "totals" -> calls.stats().thenApply(s -> TotalsText.totals(s, commands.controlStats()));
            case "maxsessions" -> done("Maximum sessions configured on rtpengine: " + calls.maxSessions() + "\n");
            case "jsonstats" -> commands.statistics().thenApply(Json::write);
            case "loglevel" -> done(logLevels(args));
            case "loglevels" -> done(logSubsystems());
            case "sessions" -> sessions(args.subList(1, args.size()));
            case "timeout" -> done("TIMEOUT=" + calls.config().timeoutSec() + "\n");
            case "silenttimeout" -> done("SILENT_TIMEOUT=" + calls.config().silentTimeoutSec() + "\n");
            case "finaltimeout" -> done("FINAL_TIMEOUT=" + calls.config().finalTimeoutSec() + "\n");
            case "offertimeout" -> done("OFFER_TIMEOUT=" + calls.config().offerTimeoutSec() + "\n");
            case "deletedelay" -> done(calls.config().deleteDelaySec() + "\n");
            case "controltos" -> done(sockets.tos() + "\n");
            case "maxload" -> done("Maximum load average configured on rtpengine: " + CNumbers.fixed(calls.loadLimits().maxLoadHundredths() / 100.0, 2) + "\n");
            case "maxcpu" -> done("Maximum CPU usage configured on rtpengine: " + CNumbers.fixed(calls.loadLimits().maxCpuHundredths() / 100.0, 1) + "\n");
            case "maxbw" -> done("Maximum bandwidth configured on rtpengine: " + Long.toUnsignedString(calls.loadLimits().maxBandwidth()) + "\n");
            case "maxopenfiles" -> done(Settings.maxOpenFiles());
            case "interfaces" -> calls.stats().thenApply(ControlCli::interfaces);
            case "transcoders" -> done("No stats entries\n"); // ngrelay does not transcode
            case "counters" -> calls.stats().thenApply(ControlCli::counters);
            default -> done(unknown(String.join(" ", args)));
        };
    }

    private CompletableFuture<String> sessions(List<String> args) {
        if (args.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        String which = String.join(" ", args);
        switch (which) {
            case "all", "own", "foreign" -> {
                return calls.snapshots().thenApply(list -> {
                    StringBuilder sb = new StringBuilder();
                    for (CallSnapshot c : list) {
                        if (which.equals("all") || c.foreign() == which.equals("foreign")) {
                            sb.append(SessionsText.oneLine(c));
                        }
                    }
                    if (sb.length() == 0) {
                        return which.equals("all") ? "No sessions on this media relay.\n" : "No " + which + " sessions on this media relay.\n";
                    }
                    return sb.toString();
                });
            }
            default -> {
                return calls.query(Dialog.of(which))
                        .thenApply(c -> SessionsText.detail(c, System.currentTimeMillis()))
                        .exceptionally(e -> "\nCall ID not found (" + which + ").\n\n");
            }
        }
    }

    private CompletableFuture<String> terminate(List<String> args) {
        if (args.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        String which = String.join(" ", args);
        return switch (which) {
            case "all" -> calls.terminateAll().thenApply(n -> "All calls terminated by operator.\n");
            case "own" -> calls.terminateAll(false).thenApply(n -> "All own calls terminated by operator.\n");
            case "foreign" -> calls.terminateAll(true).thenApply(n -> "All foreign calls terminated by operator.\n");
            default -> calls.terminate(which).thenApply(found -> found
                    ? "\nCall Id (" + which + ") successfully terminated by operator.\n\n"
                    : "\nCall Id not found (" + which + ").\n\n");
        };
    }

    private CompletableFuture<String> set(List<String> args) {
        if (args.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        return done(args.get(0).equals("loglevel") ? setLogLevel(args) : settings.set(args));
    }

    /** {@code list counters}: the last second's rates; nothing goes through a kernel module. */
    private static String counters(DaemonStats s) {
        long[] user = {(long) s.packetRate(), (long) s.byteRate(), (long) s.errorRate()};
        String[] what = {"Packets", "Bytes", "Errors"};
        StringBuilder sb = new StringBuilder("\nCurrent per-second counters:\n\n");
        for (String space : List.of("userspace", "kernel", "total")) {
            for (int i = 0; i < 3; i++) {
                String label = what[i] + " per second (" + space + ")";
                sb.append(String.format(Locale.ROOT, " %-48s:%d\n", label, space.equals("kernel") ? 0 : user[i]));
            }
        }
        return sb.toString();
    }

    /** {@code list interfaces}: each interface's port range and use, in 10.5's layout. */
    private static String interfaces(DaemonStats stats) {
        StringBuilder sb = new StringBuilder();
        for (DaemonStats.PortUsage p : stats.ports()) {
            int range = p.max() - p.min() + 1;
            sb.append("Interface '").append(p.name()).append("' address '").append(p.address().getHostAddress())
                    .append("' (").append(p.address() instanceof Inet6Address ? "IPv6" : "IPv4").append(")\n");
            sb.append(String.format(Locale.ROOT, " Port range: %5d - %5d\n", p.min(), p.max()));
            sb.append(String.format(Locale.ROOT, " Ports used: %5d / %5d (%5s%%)\n", p.used(), range,
                    CNumbers.fixed(range == 0 ? 0 : p.used() * 100.0 / range, 1)));
            sb.append(String.format(Locale.ROOT, " Last port used: %5d\n", p.last()));
        }
        return sb.toString();
    }

    /**
     * {@code set loglevel N} (every subsystem) or {@code set loglevel NAME N}. 10.5 answers "Success"
     * even for a name it does not have; ngrelay says the name is unknown instead.
     */
    private String setLogLevel(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String subsystem = null;
        String raw = args.get(1);
        if (!CNumbers.LEADING_INT.matcher(raw).find()) {
            if (args.size() < 3) {
                return MORE_PARAMETERS;
            }
            subsystem = raw;
            raw = args.get(2);
        }
        Matcher m = CNumbers.LEADING_INT.matcher(raw);
        if (!m.find() || m.group(1).startsWith("-")) {
            return MORE_PARAMETERS;
        }
        int level = (int) Math.min(Long.parseLong(m.group(1)), Integer.MAX_VALUE);
        if (subsystem == null) {
            logLevels.setAll(level);
        } else if (!logLevels.set(subsystem, level)) {
            return "Unknown log subsystem '" + subsystem + "' (one of: " + String.join(", ", logLevels.names()) + ")\n";
        }
        return "Success setting loglevel to " + level + "\n";
    }

    /** {@code list loglevel [NAME]}: {@code name = level}, -1 for off. */
    private String logLevels(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String s : logLevels.names()) {
            if (args.size() < 2 || args.get(1).equals(s)) {
                sb.append(s).append(" = ").append(logLevels.level(s)).append('\n');
            }
        }
        return sb.length() == 0 ? unknown(String.join(" ", args)) : sb.toString();
    }

    /** {@code list loglevels}: {@code name - description}. */
    private String logSubsystems() {
        StringBuilder sb = new StringBuilder();
        for (String s : logLevels.names()) {
            sb.append(s).append(" - ").append(logLevels.description(s)).append('\n');
        }
        return sb.toString();
    }

    static String unknown(String what) {
        return "Unknown or incomplete command::" + what + "\n";
    }

    private static CompletableFuture<String> done(String text) {
        return CompletableFuture.completedFuture(text);
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}

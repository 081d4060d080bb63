package org.ngrelay.cli.control;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallSnapshot;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.call.DaemonStats;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.core.load.LoadLimits;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.command.Commands;

/**
 * rtpengine's control CLI commands ({@code rtpengine-ctl}, {@code --listen-cli}, {@code GET /cli/}),
 * answered with rtpengine 10.5's texts: {@code list numsessions|sessions|totals|maxsessions|
 * jsonstats|loglevel|loglevels|timeout|silenttimeout|finaltimeout|offertimeout|deletedelay|controltos|
 * maxload|maxcpu|maxbw|maxopenfiles|interfaces|transcoders|counters}, {@code terminate <call-id>|all|own|foreign},
 * {@code set maxsessions|loglevel|timeout|silenttimeout|finaltimeout|offertimeout|deletedelay|controltos|
 * maxload|maxcpu|maxbw|maxopenfiles}, {@code params diff|revert}, {@code active} and {@code standby}. {@code get} is
 * {@code list}. Numbers are read as 10.5 reads them ({@code strtol}, {@code strtoul}, {@code strtod}). Runs on whichever thread calls it; the answer completes on a media
 * loop or at once.
 */
public final class ControlCli {

    private static final Logger LOG = Logger.getLogger(ControlCli.class.getName());
    private static final long TIMEOUT_MS = 5000;
    static final String MORE_PARAMETERS = "More parameters required.\n";

    /** rtpengine refuses a lower open-files limit, not to freeze. */
    private static final long MIN_OPEN_FILES = 1 << 16;

    private final Commands commands;
    private final CallManager calls;
    private final LogLevels logLevels;
    private final ControlSockets sockets;
    private final Params params;

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
            case "maxopenfiles" -> done(maxOpenFiles());
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
        return switch (args.get(0)) {
            case "maxsessions" -> done(setMaxSessions(args));
            case "loglevel" -> done(setLogLevel(args));
            case "timeout" -> done(setTimeout(args, CallConfig::withTimeoutSec));
            case "silenttimeout" -> done(setTimeout(args, CallConfig::withSilentTimeoutSec));
            case "finaltimeout" -> done(setTimeout(args, CallConfig::withFinalTimeoutSec));
            case "offertimeout" -> done(setTimeout(args, CallConfig::withOfferTimeoutSec));
            case "deletedelay" -> done(setDeleteDelay(args));
            case "controltos" -> done(setControlTos(args));
            case "maxload" -> done(setLoadOrCpu(args, "maxload", 2));
            case "maxcpu" -> done(setLoadOrCpu(args, "maxcpu", 1));
            case "maxbw" -> done(setMaxBandwidth(args));
            case "maxopenfiles" -> done(setMaxOpenFiles(args));
            default -> done(unknown(String.join(" ", args)));
        };
    }

    private String setMaxSessions(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = args.get(1);
        Matcher m = CNumbers.LEADING_INT.matcher(raw);
        if (!m.find()) {
            return "Fail setting maxsessions to " + raw + "; no digists found\n"; // sic: rtpengine's spelling
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            value = m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < -1) {
            return "Fail setting maxsessions to " + value + "; either positive or -1 values allowed\n";
        }
        calls.maxSessions((int) Math.min(value, Integer.MAX_VALUE));
        LOG.info("Session limit set to " + value + " by the operator");
        return value == -1 ? "Success setting maxsessions to -1; disable feature\n" : "Success setting maxsessions to " + value + "\n";
    }

    /** {@code set timeout|silenttimeout|finaltimeout|offertimeout N}: 10.5 says "timeout" for each. */
    private String setTimeout(List<String> args, BiFunction<CallConfig, Integer, CallConfig> with) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = rest(args);
        CNumbers.CLong n = CNumbers.strtol(raw);
        if ((n.errno() != 0 && n.value() == 0) || n.value() < 0 || n.value() >= Integer.MAX_VALUE) {
            return "Fail setting timeout to " + raw + "; errno=" + n.errno() + "\n";
        }
        if (!n.digits()) {
            return "Fail setting timeout to " + raw + "; no digists found\n"; // sic
        }
        int sec = (int) n.value();
        calls.config(c -> with.apply(c, sec));
        LOG.info(args.get(0) + " set to " + sec + " s by the operator");
        return "Success setting timeout to " + sec + "\n";
    }

    /** {@code set deletedelay N}: 10.5 takes any number but -1 (its "none" value). */
    private String setDeleteDelay(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        CNumbers.CLong n = CNumbers.strtol(rest(args));
        long v = n.digits() ? n.value() : -1;
        if (v == -1 || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            return "Invalid delete-delay value\n";
        }
        calls.config(c -> c.withDeleteDelaySec((int) v));
        return "Success setting delete-delay to " + v + "\n";
    }

    /**
     * {@code set controltos N}: every ng socket. 10.5 checks the range as here but then crashes
     * before answering; ngrelay answers "Success setting control-tos to N".
     */
    private String setControlTos(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        long tos = CNumbers.strtol(rest(args)).value();
        if (tos < 0 || tos > 255) {
            return "Invalid control-tos value " + tos + ", must be between 0 and 255\n";
        }
        sockets.tos((int) tos);
        LOG.info("control-tos set to " + tos + " by the operator");
        return "Success setting control-tos to " + tos + "\n";
    }

    /** {@code set maxload|maxcpu X}: kept in hundredths, as 10.5 keeps them; any sign. */
    private String setLoadOrCpu(List<String> args, String what, int decimals) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = rest(args);
        if (CNumbers.NOT_FINITE.matcher(raw).find()) {
            return "Fail setting " + what + " to " + raw + "; errno=0\n";
        }
        Matcher m = CNumbers.LEADING_DOUBLE.matcher(raw);
        if (!m.find()) {
            return "Fail setting " + what + " to " + raw + "; no digists found\n"; // sic
        }
        double num = Double.parseDouble(m.group(1));
        if (Double.isInfinite(num)) {
            return "Fail setting " + what + " to " + raw + "; errno=" + CNumbers.ERANGE + "\n";
        }
        int hundredths = (int) (num * 100);
        LoadLimits limits = calls.loadLimits();
        if (what.equals("maxload")) {
            limits.maxLoad(hundredths);
        } else {
            limits.maxCpu(hundredths);
        }
        LOG.info(what + " set to " + CNumbers.fixed(num, decimals) + " by the operator");
        return "Success setting " + what + " to " + CNumbers.fixed(num, decimals) + "\n";
    }

    /** {@code set maxbw N}: 10.5 keeps N times 100 bytes per second (what {@code list maxbw} then shows). */
    private String setMaxBandwidth(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = rest(args);
        CNumbers.CLong n = CNumbers.strtoul(raw);
        if (n.errno() != 0) {
            return "Fail setting maxbw to " + raw + "; errno=" + n.errno() + "\n";
        }
        if (!n.digits()) {
            return "Fail setting maxbw to " + raw + "; no digists found\n"; // sic
        }
        calls.loadLimits().maxBandwidth(n.value() * 100);
        LOG.info("maxbw set to " + Long.toUnsignedString(n.value() * 100) + " bytes/s by the operator");
        return "Success setting maxbw to " + Long.toUnsignedString(n.value()) + "\n";
    }

    /** {@code list maxopenfiles}: the soft RLIMIT_NOFILE, from /proc/self/limits. */
    private static String maxOpenFiles() {
        long pid = ProcessHandle.current().pid();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                    return "Maximum open-files configured on rtpengine: " + (soft.equals("unlimited") ? "infinite" : soft)
                            + "; cat /proc/" + pid + "/limits\n";
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "/proc/self/limits: " + e);
        }
        return "Fail getting rtpengine configured limits; cat /proc/" + pid + "/limits\n";
    }

    /**
     * {@code set maxopenfiles N}: 10.5's checks, then the one thing a JVM cannot do, setrlimit: the
     * limit is the one ngrelay was started with (systemd's LimitNOFILE=, ulimit -n).
     */
    private static String setMaxOpenFiles(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = rest(args);
        CNumbers.CLong n = CNumbers.strtoul(raw);
        if (n.errno() != 0) {
            return "Fail setting open_files to " + raw + "; errno=" + n.errno() + "\n";
        }
        if (!n.digits()) {
            return "Fail setting open_files to " + raw + "; no digists found\n"; // sic
        }
        String value = Long.toUnsignedString(n.value());
        if (Long.compareUnsigned(n.value(), MIN_OPEN_FILES) < 0) {
            return "Fail setting open_files to " + value + "; can't set it under " + MIN_OPEN_FILES + "\n";
        }
        return "Fail setting open_files to " + value + "; not supported by ngrelay"
                + " (set LimitNOFILE= or ulimit -n before starting it)\n";
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

    /** The command's words after the sub-command, as 10.5 hands them to its number parsers. */
    private static String rest(List<String> args) {
        return String.join(" ", args.subList(1, args.size()));
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

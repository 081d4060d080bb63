package org.ngrelay.cli.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.call.Dialog;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.command.Commands;

/**
 * rtpengine's control CLI commands ({@code rtpengine-ctl}, {@code --listen-cli}, {@code GET /cli/}),
 * answered with rtpengine 10.5's texts: {@code list numsessions|sessions|totals|maxsessions|
 * jsonstats|loglevel|loglevels}, {@code terminate <call-id>|all|own|foreign}, {@code set maxsessions|loglevel}.
 * {@code get} is {@code list}. Runs on whichever thread calls it; the answer completes on a media
 * loop or at once.
 */
public final class ControlCli {

    private static final Logger LOG = Logger.getLogger(ControlCli.class.getName());
    private static final long TIMEOUT_MS = 5000;
    /** {@code strtol}: optional sign and digits, anything after them ignored (rtpengine reads "5x" as 5). */
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d+)");
    static final String MORE_PARAMETERS = "More parameters required.\n";

    private final Commands commands;
    private final CallManager calls;
    private final LogLevels logLevels;

    public ControlCli(Commands commands, LogLevels logLevels) {
        this.commands = commands;
        this.calls = commands.calls();
        this.logLevels = logLevels;
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
            default -> done(unknown(String.join(" ", args)));
        };
    }

    private CompletableFuture<String> sessions(List<String> args) {
        if (args.isEmpty()) {
            return done(MORE_PARAMETERS);
        }
        String which = String.join(" ", args);
        switch (which) {
            case "all", "own" -> {
                return calls.snapshots().thenApply(list -> {
                    if (list.isEmpty()) {
                        return which.equals("all") ? "No sessions on this media relay.\n" : "No own sessions on this media relay.\n";
                    }
                    StringBuilder sb = new StringBuilder();
                    list.forEach(c -> sb.append(SessionsText.oneLine(c)));
                    return sb.toString();
                });
            }
            case "foreign" -> {
                return done("No foreign sessions on this media relay.\n");
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
            case "own" -> calls.terminateAll().thenApply(n -> "All own calls terminated by operator.\n");
            case "foreign" -> done("All foreign calls terminated by operator.\n");
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
            default -> done(unknown(String.join(" ", args)));
        };
    }

    private String setMaxSessions(List<String> args) {
        if (args.size() < 2) {
            return MORE_PARAMETERS;
        }
        String raw = args.get(1);
        Matcher m = LEADING_INT.matcher(raw);
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
        if (!LEADING_INT.matcher(raw).find()) {
            if (args.size() < 3) {
                return MORE_PARAMETERS;
            }
            subsystem = raw;
            raw = args.get(2);
        }
        Matcher m = LEADING_INT.matcher(raw);
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

    private static String unknown(String what) {
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

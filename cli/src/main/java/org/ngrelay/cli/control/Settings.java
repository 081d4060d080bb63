package org.ngrelay.cli.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.load.LoadLimits;

/**
 * rtpengine-ctl's {@code set maxsessions|timeout|silenttimeout|finaltimeout|offertimeout|
 * deletedelay|controltos|maxload|maxcpu|maxbw|maxopenfiles}: numbers read as 10.5 reads them
 * ({@link CNumbers}), answered with its texts, applied to the running daemon.
 */
final class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    /** rtpengine refuses a lower open-files limit, not to freeze. */
    private static final long MIN_OPEN_FILES = 1 << 16;

    private final CallManager calls;
    private final ControlSockets sockets;

    Settings(CallManager calls, ControlSockets sockets) {
        this.calls = calls;
        this.sockets = sockets;
    }

    /** {@code set NAME VALUE} for every name but {@code loglevel}. */
    String set(List<String> args) {
        return switch (args.get(0)) {
            case "maxsessions" -> setMaxSessions(args);
            case "timeout" -> setTimeout(args, CallConfig::withTimeoutSec);
            case "silenttimeout" -> setTimeout(args, CallConfig::withSilentTimeoutSec);
            case "finaltimeout" -> setTimeout(args, CallConfig::withFinalTimeoutSec);
            case "offertimeout" -> setTimeout(args, CallConfig::withOfferTimeoutSec);
            case "deletedelay" -> setDeleteDelay(args);
            case "controltos" -> setControlTos(args);
            case "maxload" -> setLoadOrCpu(args, "maxload", 2);
            case "maxcpu" -> setLoadOrCpu(args, "maxcpu", 1);
            case "maxbw" -> setMaxBandwidth(args);
            case "maxopenfiles" -> setMaxOpenFiles(args);
            default -> ControlCli.unknown(String.join(" ", args));
        };
    }

    private String setMaxSessions(List<String> args) {
        if (args.size() < 2) {
            return ControlCli.MORE_PARAMETERS;
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
            return ControlCli.MORE_PARAMETERS;
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
            return ControlCli.MORE_PARAMETERS;
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
            return ControlCli.MORE_PARAMETERS;
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
            return ControlCli.MORE_PARAMETERS;
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
            return ControlCli.MORE_PARAMETERS;
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
    static String maxOpenFiles() {
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
            return ControlCli.MORE_PARAMETERS;
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

    /** The command's words after the sub-command, as 10.5 hands them to its number parsers. */
    private static String rest(List<String> args) {
        return String.join(" ", args.subList(1, args.size()));
    }
}

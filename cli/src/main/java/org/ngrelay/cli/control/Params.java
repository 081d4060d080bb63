package org.ngrelay.cli.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.load.LoadLimits;

/**
 * rtpengine-ctl's {@code params start|current|diff|revert}: the settable values as they were at
 * start and as they are, in rtpengine 10.5's order, names and layout.
 */
final class Params {

    private static final Logger LOG = Logger.getLogger(Params.class.getName());

    private final CallManager calls;
    private final LogLevels logLevels;
    private final ControlSockets sockets;
    /** The values {@code params diff|revert} compare with, in 10.5's order and under its names. */
    private final Map<String, Long> initial;
    /** {@code params start|current}: the values set at start that do not change, by 10.5's names. */
    private final Map<String, String> fixed;
    private final CallConfig initialConfig;

    Params(CallManager calls, LogLevels logLevels, ControlSockets sockets, Map<String, String> fixedParams) {
        this.calls = calls;
        this.logLevels = logLevels;
        this.sockets = sockets;
        this.initial = params();
        this.fixed = Map.copyOf(fixedParams);
        this.initialConfig = calls.config();
    }

    /** {@code params start|current|diff|revert}. */
    String run(List<String> args) {
        if (args.isEmpty()) {
            return ControlCli.MORE_PARAMETERS;
        }
        String which = String.join(" ", args);
        switch (which) {
            case "diff" -> {
                StringBuilder sb = new StringBuilder();
                params().forEach((name, now) -> {
                    Long was = initial.get(name);
                    if (was != null && !was.equals(now)) {
                        sb.append(name).append(": ").append(was).append(" => ").append(now).append('\n');
                    }
                });
                return sb.toString();
            }
            case "revert" -> {
                revert();
                return "";
            }
            case "start" -> {
                return paramsList(initial, initialConfig, true);
            }
            case "current" -> {
                return paramsList(params(), calls.config(), false);
            }
            default -> {
                return ControlCli.unknown(which);
            }
        }
    }

    /**
     * {@code params start|current}, in 10.5's order and layout: the settable values from
     * {@code values} and {@code config}, the others from {@link #fixed} or 10.5's defaults.
     */
    private String paramsList(Map<String, Long> values, CallConfig config, boolean start) {
        StringBuilder sb = new StringBuilder();
        for (String s : logLevels.names()) {
            sb.append("log-level-").append(s).append(" = ").append(values.get("log-level-" + s)).append('\n');
        }
        line(sb, "table", fixedOr("table", "0"));
        line(sb, "max-sessions", values.get("max-sessions"));
        line(sb, "timeout", values.get("timeout"));
        line(sb, "silent-timeout", values.get("silent-timeout"));
        line(sb, "final-timeout", values.get("final-timeout"));
        line(sb, "offer-timeout", config.offerTimeoutSec());
        line(sb, "delete-delay", config.deleteDelaySec());
        line(sb, "redis-expires", fixedOr("redis-expires", "86400"));
        line(sb, "tos", fixedOr("tos", "184"));
        line(sb, "control-tos", values.get("control-tos"));
        line(sb, "graphite-interval", fixedOr("graphite-interval", "0"));
        line(sb, "redis-num-threads", fixedOr("redis-num-threads", "4"));
        line(sb, "homer-protocol", fixedOr("homer-protocol", "2"));
        line(sb, "homer-id", fixedOr("homer-id", "2001"));
        line(sb, "no-fallback", fixedOr("no-fallback", "0"));
        line(sb, "port-min", fixedOr("port-min", "30000"));
        line(sb, "port-max", fixedOr("port-max", "40000"));
        if (start) {
            line(sb, "redis", ":0/-1"); // ngrelay keeps no calls in redis
            line(sb, "redis-write", ":0/-1");
        } else {
            line(sb, "redis-db", "-1");
            line(sb, "redis-write-db", "-1");
        }
        line(sb, "no-redis-required", fixedOr("no-redis-required", "0"));
        line(sb, "num-threads", fixedOr("num-threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        line(sb, "xmlrpc-format", fixedOr("xmlrpc-format", "0"));
        line(sb, "log_format", fixedOr("log_format", "0"));
        line(sb, "redis_allowed_errors", fixedOr("redis_allowed_errors", "-1"));
        line(sb, "redis_disable_time", fixedOr("redis_disable_time", "10"));
        line(sb, "redis_cmd_timeout", fixedOr("redis_cmd_timeout", "0"));
        line(sb, "redis_connect_timeout", fixedOr("redis_connect_timeout", "1000"));
        line(sb, "max-cpu", CNumbers.fixed(values.get("max-cpu") / 100.0, 1));
        line(sb, "max-load", CNumbers.fixed(values.get("max-load") / 100.0, 2));
        line(sb, start ? "max-bandwidth" : "max-bw", Long.toUnsignedString(values.get("max-bw")));
        List<LocalInterface> ifs = calls.interfaces().all();
        for (int i = 0; i < ifs.size(); i++) {
            sb.append("interface[").append(i).append("] = ").append(ifs.get(i).name()).append('\\')
                    .append(ifs.get(i).address().getHostAddress()).append(" \n");
        }
        line(sb, "b2b_url", fixedOr("b2b_url", "(null)"));
        line(sb, "redis-auth", "(null)");
        line(sb, "redis-write-auth", "(null)");
        line(sb, "recording-dir", fixedOr("recording-dir", "/var/spool/rtpengine"));
        line(sb, "recording-method", fixedOr("recording-method", "proc"));
        line(sb, "recording-format", fixedOr("recording-format", "raw"));
        line(sb, "iptables-chain", fixedOr("iptables-chain", "(null)"));
        for (String listen : List.of("listen-tcp", "listen-udp", "listen-ng", "listen-cli")) {
            // 10.5 prints two endpoints per option, the second empty for a single address
            String[] eps = fixedOr(listen, "").split(" ", 2);
            line(sb, listen, eps[0]);
            line(sb, listen, eps.length > 1 ? eps[1] : "");
        }
        return sb.toString();
    }

    private String fixedOr(String name, String fallback) {
        String v = fixed.get(name);
        return v != null ? v : fallback;
    }

    private static void line(StringBuilder sb, String name, Object value) {
        sb.append(name).append(" = ").append(value).append('\n');
    }

    /** The values 10.5's {@code params diff} compares, as it prints them (limits in hundredths). */
    private Map<String, Long> params() {
        Map<String, Long> p = new LinkedHashMap<>();
        for (String s : logLevels.names()) {
            p.put("log-level-" + s, (long) logLevels.level(s));
        }
        LoadLimits limits = calls.loadLimits();
        CallConfig c = calls.config();
        p.put("max-sessions", (long) calls.maxSessions());
        p.put("max-cpu", (long) limits.maxCpuHundredths());
        p.put("max-load", (long) limits.maxLoadHundredths());
        p.put("max-bw", limits.maxBandwidth());
        p.put("timeout", (long) c.timeoutSec());
        p.put("silent-timeout", (long) c.silentTimeoutSec());
        p.put("final-timeout", (long) c.finalTimeoutSec());
        p.put("control-tos", (long) sockets.tos());
        return p;
    }

    /** {@code params revert}: what {@code params diff} lists goes back (as in 10.5, not offer-timeout nor delete-delay). */
    private void revert() {
        Map<String, Long> now = params();
        for (String s : logLevels.names()) {
            long was = initial.get("log-level-" + s);
            if (now.get("log-level-" + s) != was) {
                logLevels.set(s, (int) was);
            }
        }
        calls.maxSessions(initial.get("max-sessions").intValue());
        LoadLimits limits = calls.loadLimits();
        if (!initial.get("max-cpu").equals(now.get("max-cpu"))) {
            limits.maxCpu(initial.get("max-cpu").intValue());
        }
        if (!initial.get("max-load").equals(now.get("max-load"))) {
            limits.maxLoad(initial.get("max-load").intValue());
        }
        if (!initial.get("max-bw").equals(now.get("max-bw"))) {
            limits.maxBandwidth(initial.get("max-bw"));
        }
        calls.config(c -> c.withTimeoutSec(initial.get("timeout").intValue())
                .withSilentTimeoutSec(initial.get("silent-timeout").intValue())
                .withFinalTimeoutSec(initial.get("final-timeout").intValue()));
        if (!initial.get("control-tos").equals(now.get("control-tos"))) {
            sockets.tos(initial.get("control-tos").intValue());
        }
        LOG.info("Parameters reverted to their initial values by the operator");
    }
}

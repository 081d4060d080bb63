package org.ngrelay.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the packet engine ({@code bench/src/main/c/rtpgen.c}) for one measurement: it streams RTP
 * both ways for every call set up so far and prints one line of figures, parsed here.
 *
 * <p>Its local ports are fixed ({@code basePort} .. {@code basePort + 2·sockets - 1}), so a
 * daemon that latched onto them keeps sending there from one measurement to the next.
 */
final class RtpGen {

    /** One call's two destinations: where its caller (A) and its callee (B) send; {@code keys} null for plain calls. */
    record CallTargets(InetSocketAddress aSendsTo, InetSocketAddress bSendsTo, SrtpKeys keys) {
        CallTargets(InetSocketAddress aSendsTo, InetSocketAddress bSendsTo) {
            this(aSendsTo, bSendsTo, null);
        }
    }

    /** The callee's SDES keys (master key and salt): its own, and the daemon's offered one it unprotects with. */
    record SrtpKeys(byte[] calleeSends, byte[] calleeReceives) {
    }

    private final Path binary;
    private final String localIp;
    private final int basePort;
    private final int sockets;
    private final int rate;
    private final int tickUs;
    private final Long daemonPid;
    private final boolean realtime;
    private final String srtpSuite;
    private final List<CallTargets> calls = new ArrayList<>();

    /** {@code srtpSuite}: the callee leg's SRTP suite (every call then has keys), or null for plain RTP. */
    RtpGen(Path binary, String localIp, int basePort, int sockets, int rate, int tickUs, Long daemonPid, boolean realtime,
           String srtpSuite) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalArgumentException("no packet engine at " + binary
                    + ": build it with  gcc -O2 -o " + binary + " bench/src/main/c/rtpgen.c -lsrtp2  (bench/side-by-side.sh does)");
        }
        this.binary = binary;
        this.localIp = localIp;
        this.basePort = basePort;
        this.sockets = sockets;
        this.rate = rate;
        this.tickUs = tickUs;
        this.daemonPid = daemonPid;
        this.realtime = realtime;
        this.srtpSuite = srtpSuite;
    }

    /** Where call {@code index}'s caller receives media (the address in its SDP). */
    InetSocketAddress callerAddress(int index) {
        return new InetSocketAddress(localIp, basePort + index % sockets);
    }

    /** Where call {@code index}'s callee receives media. */
    InetSocketAddress calleeAddress(int index) {
        return new InetSocketAddress(localIp, basePort + sockets + index % sockets);
    }

    int calls() {
        return calls.size();
    }

    void add(CallTargets[] more) {
        calls.addAll(List.of(more));
    }

    /** Streams for {@code warmupMs}, then measures for {@code durationMs}; returns rtpgen's figures. */
    Map<String, String> run(long warmupMs, long durationMs) throws IOException, InterruptedException {
        Path targets = Files.createTempFile("rtpgen-", ".targets");
        try {
            StringBuilder sb = new StringBuilder(calls.size() * 48);
            for (CallTargets t : calls) {
                sb.append(t.aSendsTo().getAddress().getHostAddress()).append(' ').append(t.aSendsTo().getPort()).append(' ')
                        .append(t.bSendsTo().getAddress().getHostAddress()).append(' ').append(t.bSendsTo().getPort());
                if (srtpSuite != null) {
                    sb.append(' ').append(Sdes.hex(t.keys().calleeSends())).append(' ').append(Sdes.hex(t.keys().calleeReceives()));
                }
                sb.append('\n');
            }
            Files.writeString(targets, sb, StandardCharsets.US_ASCII);
            List<String> cmd = new ArrayList<>();
            if (realtime) {
                // SCHED_FIFO: no other task on the generator's core delays a tick (measured: ticks
                // late by up to 21 ms without it, at most 3.5 ms with it)
                cmd.addAll(List.of("chrt", "-f", "50"));
            }
            cmd.addAll(List.of(binary.toString(), "--targets", targets.toString(), "--local", localIp,
                    "--port", Integer.toString(basePort), "--sockets", Integer.toString(sockets), "--rate", Integer.toString(rate),
                    "--tick-us", Integer.toString(tickUs), "--warmup-ms", Long.toString(warmupMs),
                    "--duration-ms", Long.toString(durationMs)));
            if (daemonPid != null) {
                cmd.addAll(List.of("--pid", daemonPid.toString()));
            }
            if (srtpSuite != null) {
                cmd.addAll(List.of("--srtp", srtpSuite));
            }
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            int rc = p.waitFor();
            if (rc != 0 || !out.startsWith("rtpgen ")) {
                throw new IOException("rtpgen failed (exit " + rc + "): " + out);
            }
            Map<String, String> figures = new HashMap<>();
            for (String kv : out.substring("rtpgen ".length()).split(" ")) {
                int eq = kv.indexOf('=');
                figures.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return figures;
        } finally {
            Files.deleteIfExists(targets);
        }
    }

    /** The figures of one run as a {@link Point}; {@code maxGeneratorCpuPct} decides whether to trust them. */
    static Point point(String label, Map<String, String> f, double maxGeneratorCpuPct) {
        long expected = Long.parseLong(f.get("expected"));
        long sent = Long.parseLong(f.get("sent"));
        long received = Long.parseLong(f.get("received"));
        long failed = Long.parseLong(f.get("send_failed"));
        double windowSec = Double.parseDouble(f.get("window_s"));
        double genCpuPct = 100 * Double.parseDouble(f.get("gen_cpu_s")) / windowSec;
        double daemonCpuSec = Double.parseDouble(f.get("daemon_cpu_s"));
        String invalid = null;
        if (failed > 0) {
            invalid = failed + " sends failed in the generator";
        } else if (sent < 0.995 * expected) {
            invalid = String.format(Locale.ROOT, "generator sent %d of %d packets due", sent, expected);
        } else if (genCpuPct > maxGeneratorCpuPct) {
            invalid = String.format(Locale.ROOT, "generator used %.0f%% of a core", genCpuPct);
        }
        return new Point(label, Integer.parseInt(f.get("calls")), sent, received, Long.parseLong(f.get("misrouted")),
                sent == 0 ? 100 : 100.0 * (sent - received) / sent,
                ms(f, "p50_us"), ms(f, "p99_us"), ms(f, "p999_us"), ms(f, "max_us"),
                daemonCpuSec < 0 ? Double.NaN : 100 * daemonCpuSec / windowSec,
                daemonCpuSec < 0 || received == 0 ? Double.NaN : daemonCpuSec * 1e6 / received,
                genCpuPct, Long.parseLong(f.get("max_lag_us")) / 1000.0, invalid,
                f.containsKey("srtp_suite") ? new Point.Srtp(f.get("srtp_suite"), Integer.parseInt(f.get("srtp_len")),
                        Long.parseLong(f.get("srtp_ok")), Long.parseLong(f.get("unprotect_errors")), Long.parseLong(f.get("unexpected")))
                        : null);
    }

    private static double ms(Map<String, String> f, String key) {
        return Long.parseLong(f.get(key)) / 1000.0;
    }
}

package org.ngrelay.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load tool: {@code java -jar bench/target/ngrelay-bench.jar --ng 127.0.0.1:2223 --pid PID ...}.
 * Works against any ng daemon; see docs/performance.md for the method.
 */
@Command(name = "ngrelay-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sets up calls over the ng protocol, streams G.711 RTP both ways through the daemon and",
                "measures loss, added latency and the daemon's CPU per forwarded packet."},
        footer = {"", "Examples:",
                "  1000 calls for 10 s:      ngrelay-load --ng 127.0.0.1:2223 --pid 1234 --calls 1000",
                "  largest sustained count:  ngrelay-load --ng 127.0.0.1:2223 --pid 1234 --ramp 500:100:3000",
                "  control plane:            ngrelay-load --ng 127.0.0.1:2223 --pid 1234 --control 10",
                "  plain <-> SDES SRTP:      ngrelay-load --ng 127.0.0.1:2223 --pid 1234 --calls 1000 --srtp AES_CM_128_HMAC_SHA1_80",
                "Exit status: 0 measured, 3 the generator could not keep up (no figure reported), 1 error."})
public final class LoadMain implements Callable<Integer> {

    @Option(names = "--ng", description = "daemon's ng address (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1:2223")
    String ng;

    @Option(names = "--pid", description = "the daemon's PID, for its CPU time (/proc/PID/stat)")
    Long pid;

    @Option(names = "--pidfile", description = "read the daemon's PID from this file")
    Path pidfile;

    @Option(names = "--label", description = "name printed with the results (default ${DEFAULT-VALUE})", defaultValue = "daemon")
    String label;

    @Option(names = "--calls", description = "concurrent calls (default ${DEFAULT-VALUE})", defaultValue = "1000")
    int calls;

    @Option(names = "--duration", description = "seconds measured per point (default ${DEFAULT-VALUE})", defaultValue = "10")
    int durationSec;

    @Option(names = "--warmup", description = "seconds of media before measuring (default ${DEFAULT-VALUE})", defaultValue = "5")
    int warmupSec;

    @Option(names = "--rate", description = "packets per second per stream (default ${DEFAULT-VALUE}: 20 ms G.711)", defaultValue = "50")
    int rate;

    @Option(names = "--ramp", paramLabel = "START:STEP:MAX",
            description = "add calls STEP at a time from START until a point is not sustained (checked twice)")
    String ramp;

    @Option(names = "--max-loss", description = "sustained means loss at most this %% (default ${DEFAULT-VALUE})", defaultValue = "0.5")
    double maxLossPct;

    @Option(names = "--max-p99", description = "and p99 latency at most this many ms (default ${DEFAULT-VALUE})", defaultValue = "20")
    double maxP99Ms;

    @Option(names = "--direct", description = {"calibration: stream between the generator's own sockets, no daemon;",
            "shows the generator's own cost and latency floor"})
    boolean direct;

    @Option(names = "--floor", paramLabel = "BASE_PORT", description = {"stream through bench/src/main/c/floor.c (no ng: call i's caller",
            "sends to 127.0.0.1:BASE+2i, its callee to BASE+2i+1), the cheapest userspace relay, as a reference"})
    Integer floorBase;

    @Option(names = "--srtp", paramLabel = "SUITE", description = {"bridge each call plain <-> SDES SRTP: the offer asks for RTP/SAVP",
            "towards the callee, which answers the daemon's line of SUITE (AES_CM_128_HMAC_SHA1_80 or _32,",
            "AES_256_CM_HMAC_SHA1_80 or _32) with a fresh key and streams SRTP through libsrtp2;",
            "the caller stays plain (fixed point only)"})
    String srtp;

    @Option(names = "--ping", paramLabel = "SECONDS", description = "only wait until the daemon answers ping (at most SECONDS), then exit")
    Integer pingSec;

    @Option(names = "--control", paramLabel = "SECONDS", description = "measure offer+answer+delete cycles per second instead of media")
    Integer controlSec;

    @Option(names = "--window", description = "requests in flight: control-plane cycles, call set-up (default ${DEFAULT-VALUE})", defaultValue = "32")
    int window;

    @Option(names = "--local", description = "the generator's media address (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
    String local;

    @Option(names = "--gen-port", description = "the generator's first local port; it uses 2 x --sockets from there (default ${DEFAULT-VALUE})",
            defaultValue = "12240")
    int genPort;

    @Option(names = "--sockets", description = "generator sockets per call side (default ${DEFAULT-VALUE})", defaultValue = "4")
    int sockets;

    @Option(names = "--tick-us", description = "the generator sends what fell due, and reads what came back, every this many µs (default ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int tickUs;

    @Option(names = "--realtime", description = "run the packet engine with SCHED_FIFO priority (chrt -f 50; needs root)")
    boolean realtime;

    @Option(names = "--rtpgen", description = "the packet engine binary (default ${DEFAULT-VALUE})", defaultValue = "bench/target/rtpgen")
    Path rtpgen;

    @Option(names = "--max-generator-cpu", description = "above this %% of a core the generator's figures are not trusted (default ${DEFAULT-VALUE})",
            defaultValue = "90")
    double maxGeneratorCpuPct;

    private Long daemonPid;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        daemonPid = pid != null ? pid : pidfile != null ? Long.valueOf(Files.readString(pidfile).trim()) : null;
        if (daemonPid != null) {
            new ProcCpu(daemonPid).cpuSeconds(); // fail now on a wrong PID, not after the set-up
        }
        if (srtp != null) {
            if (!Sdes.supported(srtp)) {
                System.err.println("--srtp: " + srtp + " is not one of AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, "
                        + "AES_256_CM_HMAC_SHA1_80, AES_256_CM_HMAC_SHA1_32");
                return 1;
            }
            // The SRTP contexts (rollover counter, replay window) live in one rtpgen run, and a ramp
            // runs it once per level over the same calls; the calibration and the floor have no SDES.
            if (ramp != null || direct || floorBase != null || controlSec != null) {
                System.err.println("--srtp measures the fixed point only (not with --ramp, --direct, --floor or --control)");
                return 1;
            }
        }
        String runId = Long.toString(ProcessHandle.current().pid(), 36) + Long.toString(System.currentTimeMillis() % 100000, 36);
        try (BenchNgClient client = new BenchNgClient(address(ng))) {
            if (pingSec != null) {
                return ping(client);
            }
            CallDriver driver = new CallDriver(client, runId, srtp);
            if (controlSec != null) {
                return controlPlane(driver);
            }
            RtpGen generator = new RtpGen(rtpgen, local, genPort, sockets, rate, tickUs, direct ? null : daemonPid, realtime, srtp);
            try {
                return ramp != null ? ramp(driver, generator) : fixed(driver, generator);
            } finally {
                int n = direct || floorBase != null ? 0 : generator.calls();
                long failed = driver.deleteAll(n, window);
                System.out.println("deleted " + n + " calls" + (failed > 0 ? ", " + failed + " deletes not ok" : ""));
            }
        }
    }

    private int fixed(CallDriver driver, RtpGen generator) throws IOException, InterruptedException {
        if (direct) {
            RtpGen.CallTargets[] t = new RtpGen.CallTargets[calls];
            for (int i = 0; i < calls; i++) {
                t[i] = new RtpGen.CallTargets(generator.calleeAddress(i), generator.callerAddress(i));
            }
            generator.add(t);
        } else {
            grow(driver, generator, calls);
        }
        Point p = measure(generator);
        System.out.println(p.human());
        System.out.println(p.result(direct ? "direct" : srtp != null ? "srtp" : "fixed"));
        return p.invalid() == null ? 0 : 3;
    }

    private int ramp(CallDriver driver, RtpGen generator) throws IOException, InterruptedException {
        String[] r = ramp.split(":");
        int start = Integer.parseInt(r[0]);
        int step = Integer.parseInt(r[1]);
        int max = Integer.parseInt(r[2]);
        Point best = null;
        String stoppedBy = "reached --ramp's maximum";
        for (int level = start; level <= max; level += step) {
            grow(driver, generator, level);
            Point p = measure(generator);
            System.out.println(p.human());
            if (!p.sustained(maxLossPct, maxP99Ms) && p.invalid() == null) {
                // One bad window (a GC pause, another process) is not the limit: measure once more.
                p = measure(generator);
                System.out.println(p.human() + "  (second look)");
            }
            if (p.invalid() != null) {
                System.out.println("The generator could not keep up at " + level + " calls: no sustained figure"
                        + (best == null ? "" : " (the daemon sustained at least " + best.calls() + ")"));
                System.out.println("RESULT label=" + label + " mode=ramp valid=false sustained_calls=" + (best == null ? 0 : best.calls())
                        + " generator_limit=" + level);
                return 3;
            }
            if (!p.sustained(maxLossPct, maxP99Ms)) {
                stoppedBy = String.format(Locale.ROOT, "not sustained at %d calls (loss %.3f%%, p99 %.3f ms)", level, p.lossPct(), p.p99Ms());
                break;
            }
            best = p;
        }
        int sustained = best == null ? 0 : best.calls();
        System.out.println("sustained: " + sustained + " calls; " + stoppedBy);
        System.out.println("RESULT label=" + label + " mode=ramp valid=true sustained_calls=" + sustained);
        return 0;
    }

    private void grow(CallDriver driver, RtpGen generator, int target) throws IOException {
        int have = generator.calls();
        if (target > have && floorBase != null) {
            InetAddress relay = InetAddress.getByName(local);
            RtpGen.CallTargets[] t = new RtpGen.CallTargets[target - have];
            for (int i = have; i < target; i++) {
                t[i - have] = new RtpGen.CallTargets(new InetSocketAddress(relay, floorBase + 2 * i),
                        new InetSocketAddress(relay, floorBase + 2 * i + 1));
            }
            generator.add(t);
        } else if (target > have) {
            long t0 = System.nanoTime();
            generator.add(driver.setUpAll(have, target, window, generator));
            System.out.printf(Locale.ROOT, "set up calls %d..%d in %.2f s%n", have, target - 1, (System.nanoTime() - t0) / 1e9);
        }
    }

    private Point measure(RtpGen generator) throws IOException, InterruptedException {
        return RtpGen.point(label, generator.run(TimeUnit.SECONDS.toMillis(warmupSec), TimeUnit.SECONDS.toMillis(durationSec)),
                maxGeneratorCpuPct);
    }

    private int controlPlane(CallDriver driver) throws IOException, InterruptedException {
        InetAddress addr = InetAddress.getByName(local);
        // Media never flows here: the SDP only has to name some address and port.
        ControlPlane cp = new ControlPlane(driver, new InetSocketAddress(addr, 9), new InetSocketAddress(addr, 11));
        ProcCpu daemonCpu = daemonPid == null ? null : new ProcCpu(daemonPid);
        double daemon0 = daemonCpu == null ? 0 : daemonCpu.cpuSeconds();
        long t0 = System.nanoTime();
        ControlPlane.Outcome o = cp.run(window, 2, controlSec);
        double wallSec = (System.nanoTime() - t0) / 1e9;
        double daemonCpuPct = daemonCpu == null ? Double.NaN : 100 * (daemonCpu.cpuSeconds() - daemon0) / wallSec;
        System.out.printf(Locale.ROOT, "%-10s control plane: %.0f offer+answer+delete per second (%d cycles in %d s, %d failed, %d retransmissions, window %d), daemon cpu %.1f%%%n",
                label, o.perSecond(), o.cycles(), controlSec, o.failures(), driver.retransmissions(), window, daemonCpuPct);
        System.out.printf(Locale.ROOT, "RESULT label=%s mode=control cycles_per_s=%.1f failures=%d cpu_pct=%.2f valid=true%n",
                label, o.perSecond(), o.failures(), daemonCpuPct);
        return o.failures() == 0 ? 0 : 1;
    }

    private int ping(BenchNgClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(pingSec);
        while (System.nanoTime() < deadline) {
            try {
                if ("pong".equals(client.send(java.util.Map.of("command", "ping")).get(1, TimeUnit.SECONDS).get("result"))) {
                    return 0;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        System.err.println("no pong from " + ng + " within " + pingSec + " s");
        return 1;
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}

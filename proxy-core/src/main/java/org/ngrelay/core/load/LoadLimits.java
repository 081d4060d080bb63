package org.ngrelay.core.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code --max-load}, {@code --max-cpu} and {@code --max-bandwidth}: figures sampled on a thread of
 * their own (the 1-minute load average and the CPU usage every 0.5 s, the received bytes per
 * second every 1 s, as rtpengine samples them), so that deciding on a new call reads three
 * volatile fields. As in rtpengine, the load and CPU limits are kept in hundredths, so a limit
 * below 0.01 is no limit, and a limit is exceeded when the figure is above it. The limits can be
 * changed while running ({@code set maxload|maxcpu|maxbw}); the sampler thread starts when a limit
 * is first set, at start or later.
 */
public final class LoadLimits implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LoadLimits.class.getName());

    /** Why a new call is refused: the ng {@code message} and the figures for the log line. */
    public record Refusal(String message, String detail) {
    }

    private volatile int maxLoad;
    private volatile int maxCpu;
    private volatile long maxBandwidth;
    /** Created when a limit is first set; guarded by this. */
    private ScheduledExecutorService sampler;
    private boolean samplingLoadAndCpu;
    private boolean samplingBandwidth;
    private boolean closed;
    private final DoubleSupplier loadAverage;
    private final IntSupplier cpuUsage;
    private final Supplier<CompletableFuture<Long>> receivedBytes;
    private volatile int load;
    private volatile int cpu;
    private volatile long bandwidth;
    private long lastBytes = -1;
    private long lastBytesNs;

    /**
     * @param maxLoad       1-minute load average above which new calls are refused (below 0.01: none)
     * @param maxCpu        CPU usage in percent above which new calls are refused (below 0.01: none)
     * @param maxBandwidth  received bytes per second above which new calls are refused (0 or less: none)
     * @param receivedBytes the bytes of media received since start
     */
    public static LoadLimits start(double maxLoad, double maxCpu, long maxBandwidth, Supplier<CompletableFuture<Long>> receivedBytes) {
        CpuUsage cpu = new CpuUsage(Path.of("/proc/stat"));
        return start(maxLoad, maxCpu, maxBandwidth, receivedBytes,
                () -> ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cpu::sample);
    }

    /**
     * @param loadAverage the 1-minute load average, negative when unknown
     * @param cpuUsage    hundredths of a percent of CPU use since its last call, negative when unknown
     */
    static LoadLimits start(double maxLoad, double maxCpu, long maxBandwidth, Supplier<CompletableFuture<Long>> receivedBytes,
                            DoubleSupplier loadAverage, IntSupplier cpuUsage) {
        LoadLimits limits = new LoadLimits(receivedBytes, loadAverage, cpuUsage);
        limits.configure(maxLoad, maxCpu, maxBandwidth);
        return limits;
    }

    /** {@code --max-load}, {@code --max-cpu}, {@code --max-bandwidth}; 0 is no limit. */
    public void configure(double maxLoad, double maxCpu, long maxBandwidth) {
        if (maxLoad < 0 || maxCpu < 0 || maxBandwidth < 0) {
            throw new IllegalArgumentException("load limits are 0 (none) or more");
        }
        maxLoad((int) (maxLoad * 100));
        maxCpu((int) (maxCpu * 100));
        maxBandwidth(maxBandwidth);
    }

    private LoadLimits(Supplier<CompletableFuture<Long>> receivedBytes, DoubleSupplier loadAverage, IntSupplier cpuUsage) {
        this.receivedBytes = receivedBytes;
        this.loadAverage = loadAverage;
        this.cpuUsage = cpuUsage;
    }

    /** Null when a new call may be taken, else why not (in rtpengine's order: load, CPU, bandwidth). */
    public Refusal check() {
        int l = load;
        int ml = maxLoad;
        if (ml > 0 && l > ml) {
            return new Refusal("Load limit exceeded", String.format(Locale.ROOT, "%.2f > %.2f", l / 100.0, ml / 100.0));
        }
        int c = cpu;
        int mc = maxCpu;
        if (mc > 0 && c > mc) {
            return new Refusal("CPU usage limit exceeded", String.format(Locale.ROOT, "%.1f%% > %.1f%%", c / 100.0, mc / 100.0));
        }
        long b = bandwidth;
        long mb = maxBandwidth;
        if (mb > 0 && b > mb) {
            return new Refusal("Bandwidth limit exceeded", b + " > " + mb);
        }
        return null;
    }

    /** The limits as given (0 = none), for {@code list} commands: load, CPU percent, bytes per second. */
    public double maxLoad() {
        return maxLoad / 100.0;
    }

    public double maxCpu() {
        return maxCpu / 100.0;
    }

    public long maxBandwidth() {
        return maxBandwidth;
    }

    /** The load limit in hundredths, as rtpengine keeps it (0 or less: none). */
    public int maxLoadHundredths() {
        return maxLoad;
    }

    /** The CPU limit in hundredths of a percent (0 or less: none). */
    public int maxCpuHundredths() {
        return maxCpu;
    }

    /** {@code set maxload}: hundredths; 0 or less is no limit. */
    public void maxLoad(int hundredths) {
        maxLoad = hundredths;
        if (hundredths > 0) {
            startSampling(true);
        }
    }

    /** {@code set maxcpu}: hundredths of a percent; 0 or less is no limit. */
    public void maxCpu(int hundredths) {
        maxCpu = hundredths;
        if (hundredths > 0) {
            startSampling(true);
        }
    }

    /** {@code set maxbw}: bytes per second; 0 or less is no limit. */
    public void maxBandwidth(long bytesPerSecond) {
        maxBandwidth = bytesPerSecond;
        if (bytesPerSecond > 0) {
            startSampling(false);
        }
    }

    private synchronized void startSampling(boolean loadAndCpu) {
        if (closed || (loadAndCpu ? samplingLoadAndCpu : samplingBandwidth)) {
            return; // already sampled (within 0.5 s for load and CPU)
        }
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "load-sampler");
                t.setDaemon(true);
                return t;
            });
        }
        if (loadAndCpu) {
            samplingLoadAndCpu = true;
            sampleLoadAndCpu();
            sampler.scheduleAtFixedRate(this::sampleLoadAndCpu, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            samplingBandwidth = true;
            sampler.scheduleAtFixedRate(this::sampleBandwidth, 0, 1, TimeUnit.SECONDS);
        }
    }

    private void sampleLoadAndCpu() {
        if (maxLoad > 0) {
            double average = loadAverage.getAsDouble();
            load = average < 0 ? 0 : (int) (average * 100);
        }
        if (maxCpu > 0) {
            int hundredths = cpuUsage.getAsInt();
            if (hundredths >= 0) {
                cpu = hundredths;
            }
        }
    }

    private void sampleBandwidth() {
        if (maxBandwidth <= 0) {
            lastBytes = -1;
            bandwidth = 0;
            return;
        }
        try {
            long bytes = receivedBytes.get().get(900, TimeUnit.MILLISECONDS);
            long now = System.nanoTime();
            if (lastBytes >= 0 && now > lastBytesNs) {
                bandwidth = (bytes - lastBytes) * 1_000_000_000L / (now - lastBytesNs);
            }
            lastBytes = bytes;
            lastBytesNs = now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the media loops are busy or stopping: keep the last figure
            LOG.log(Level.FINE, "bandwidth sample skipped", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}

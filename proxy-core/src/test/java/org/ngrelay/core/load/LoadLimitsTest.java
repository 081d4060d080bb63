package org.ngrelay.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class LoadLimitsTest {

    private static LoadLimits.Refusal waitFor(LoadLimits limits, boolean refused) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        LoadLimits.Refusal r = limits.check();
        while ((r != null) != refused && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = limits.check();
        }
        return r;
    }

    @Test
    void loadAboveTheLimitRefusesWithRtpenginesWordsAndBelowItAccepts() throws InterruptedException {
        AtomicReference<Double> load = new AtomicReference<>(0.5);
        try (LoadLimits limits = LoadLimits.start(0.4, 0, 0, () -> CompletableFuture.completedFuture(0L), load::get, () -> -1)) {
            LoadLimits.Refusal r = limits.check();
            assertThat(r).isEqualTo(new LoadLimits.Refusal("Load limit exceeded", "0.50 > 0.40"));
            load.set(0.3);
            assertThat(waitFor(limits, false)).isNull();
        }
    }

    @Test
    void cpuAboveTheLimitRefuses() throws InterruptedException {
        AtomicInteger cpu = new AtomicInteger(920);
        try (LoadLimits limits = LoadLimits.start(0, 5, 0, () -> CompletableFuture.completedFuture(0L), () -> 0, cpu::get)) {
            assertThat(limits.check()).isEqualTo(new LoadLimits.Refusal("CPU usage limit exceeded", "9.2% > 5.0%"));
            cpu.set(100);
            assertThat(waitFor(limits, false)).isNull();
        }
    }

    @Test
    void bandwidthIsReceivedBytesPerSecond() throws InterruptedException {
        AtomicLong bytes = new AtomicLong();
        Thread traffic = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                bytes.addAndGet(1000); // 20 kB/s
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (LoadLimits limits = LoadLimits.start(0, 0, 5000, () -> CompletableFuture.completedFuture(bytes.get()), () -> 0, () -> 0)) {
            assertThat(limits.check()).isNull();
            traffic.start();
            LoadLimits.Refusal r = waitFor(limits, true);
            assertThat(r).isNotNull();
            assertThat(r.message()).isEqualTo("Bandwidth limit exceeded");
            long measured = Long.parseLong(r.detail().substring(0, r.detail().indexOf(' ')));
            assertThat(measured).isBetween(10_000L, 30_000L);
            assertThat(r.detail()).endsWith(" > 5000");
            traffic.join();
            assertThat(waitFor(limits, false)).isNull();
        }
    }

    @Test
    void limitsBelowOneHundredthAreNoLimitsAsInRtpengine() {
        try (LoadLimits limits = LoadLimits.start(0.001, 0.001, 0, () -> CompletableFuture.completedFuture(0L), () -> 9, () -> 9000)) {
            assertThat(limits.maxLoadHundredths()).isZero();
            assertThat(limits.maxCpuHundredths()).isZero();
            assertThat(limits.check()).isNull();
        }
    }

    @Test
    void aLimitSetLaterStartsTheSamplerAndZeroLiftsIt() throws Exception {
        AtomicReference<Double> load = new AtomicReference<>(0.5);
        try (LoadLimits limits = LoadLimits.start(0, 0, 0, () -> CompletableFuture.completedFuture(0L), load::get, () -> -1)) {
            assertThat(limits.check()).isNull();
            limits.maxLoad(40); // set maxload 0.4
            assertThat(limits.check()).isEqualTo(new LoadLimits.Refusal("Load limit exceeded", "0.50 > 0.40"));
            limits.maxLoad(0);
            assertThat(limits.check()).isNull();
        }
    }

    @Test
    void cpuUsageIsTheNonIdleShareBetweenTwoReadings(@TempDir Path dir) throws IOException {
        Path stat = dir.resolve("stat");
        CpuUsage usage = new CpuUsage(stat);
        Files.writeString(stat, "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4\n");
        assertThat(usage.sample()).isEqualTo(-1);
        // +200 busy, +200 idle (idle 150 + iowait 50): 50 %
        Files.writeString(stat, "cpu  250 0 150 850 150 0 0 0 0 0\ncpu0 1 2 3 4\n");
        assertThat(usage.sample()).isEqualTo(5000);
        Files.delete(stat);
        assertThat(usage.sample()).isEqualTo(-1);
    }
}

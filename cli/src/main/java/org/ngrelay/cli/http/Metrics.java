package org.ngrelay.cli.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.ngrelay.core.call.DaemonStats;
import org.ngrelay.core.iface.LocalInterface;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.stats.ControlStats;
import org.ngrelay.ng.stats.LabelledFamily;
import org.ngrelay.ng.stats.RequestKind;
import org.ngrelay.ng.stats.Stat;

/**
 * {@code GET /metrics}: rtpengine's Prometheus families (names, labels and HELP texts of 10.5,
 * from the {@link Stat} table the {@code statistics} command reads too), the per-interface port
 * gauges, the per-client request counters, and Micrometer's JVM metrics, all in one Micrometer
 * Prometheus registry. Each scrape first takes one {@link DaemonStats} reading on the media loops;
 * every meter then reads that same reading, so a scrape is consistent.
 *
 * <p>One family cannot be a Micrometer meter: rtpengine has both a gauge {@code rtpengine_sessions}
 * and a counter {@code rtpengine_sessions_total}, which the Prometheus client's OpenMetrics model
 * treats as one name. {@code rtpengine_sessions_total} is therefore registered as a collector of
 * its own with type {@code untyped} (same name, same value; promtool and Prometheus accept it).
 */
public final class Metrics implements AutoCloseable {

    private static final long STATS_TIMEOUT_MS = 2000;

    private final Commands commands;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** The reading the meters show; replaced under the scrape lock before each scrape. */
    private volatile DaemonStats current;

    public Metrics(Commands commands) {
        this.commands = commands;
        // Before any meter exists (Micrometer warns otherwise). Two JVM meters have names promtool's
        // lint rejects (process_cpu_time_ns_total: "abbreviated units"; system_cpu_count: a "_count"
        // suffix outside a summary); /metrics must pass it.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        for (Stat s : Stat.values()) {
            if (s.metric != null) {
                register(s);
            }
        }
        List<LocalInterface> interfaces = commands.calls().interfaces().all();
        for (int i = 0; i < interfaces.size(); i++) {
            int index = i;
            Tags tags = Tags.of("name", interfaces.get(i).name(), "address", Addresses.toText(interfaces.get(i).address()));
            port(LabelledFamily.PORTS_USED, tags, s -> s.ports().get(index).used());
            port(LabelledFamily.PORTS_FREE, tags, s -> s.ports().get(index).free());
            port(LabelledFamily.PORTS, tags, s -> s.ports().get(index).total());
        }
        commands.controlStats().onNewProxy(this::registerProxy);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The Prometheus text (format 0.0.4, as rtpengine serves), after a fresh reading of the daemon. */
    public CompletableFuture<String> scrape() {
        return commands.calls().stats().orTimeout(STATS_TIMEOUT_MS, TimeUnit.MILLISECONDS).thenApply(stats -> {
            synchronized (this) {
                current = stats;
                return registry.scrape();
            }
        });
    }

    private double read(ToDoubleFunction<DaemonStats> f) {
        DaemonStats s = current;
        return s == null ? 0 : f.applyAsDouble(s);
    }

    private void register(Stat s) {
        Stat.Metric m = s.metric;
        Tags tags = m.labelKey() == null ? Tags.empty() : Tags.of(m.labelKey(), m.labelValue());
        switch (m.type()) {
            case GAUGE -> Gauge.builder(m.name(), this, x -> x.read(s::value)).description(m.help()).tags(tags)
                    .strongReference(true).register(registry);
            case COUNTER -> FunctionCounter.builder(m.name(), this, x -> x.read(s::value)).description(m.help()).tags(tags)
                    .register(registry);
            case UNTYPED -> registry.getPrometheusRegistry().register(new Untyped(m.name(), m.help(), s));
        }
    }

    private void port(LabelledFamily family, Tags tags, ToDoubleFunction<DaemonStats> f) {
        Gauge.builder(family.name, this, x -> x.read(f)).description(family.help).tags(tags).strongReference(true).register(registry);
    }

    /** rtpengine's control families, per client ({@code proxy}) and command ({@code request}). */
    private void registerProxy(ControlStats.Proxy p) {
        for (RequestKind k : RequestKind.values()) {
            Tags tags = Tags.of("proxy", p.address(), "request", k.command);
            FunctionCounter.builder(LabelledFamily.REQUESTS.name, p, x -> x.count(k))
                    .description(LabelledFamily.REQUESTS.help).tags(tags).register(registry);
            FunctionCounter.builder(LabelledFamily.REQUEST_SECONDS.name, p, x -> x.seconds(k))
                    .description(LabelledFamily.REQUEST_SECONDS.help).tags(tags).register(registry);
        }
        FunctionCounter.builder(LabelledFamily.ERRORS.name, p, ControlStats.Proxy::errors)
                .description(LabelledFamily.ERRORS.help).tags(Tags.of("proxy", p.address())).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** A family the Prometheus client's model would not let share a name with a gauge (see the class comment). */
    private final class Untyped implements Collector {
        private final String name;
        private final String help;
        private final Stat stat;

        Untyped(String name, String help, Stat stat) {
            this.name = name;
            this.help = help;
            this.stat = stat;
        }

        @Override
        public MetricSnapshot collect() {
            return UnknownSnapshot.builder().name(name).help(help)
                    .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(read(stat::value)).build()).build();
        }
        // No getPrometheusName(): the registry's duplicate check would map this name onto rtpengine_sessions.
    }
}

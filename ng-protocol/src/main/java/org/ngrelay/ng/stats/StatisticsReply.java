package org.ngrelay.ng.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ngrelay.core.call.DaemonStats;
import org.ngrelay.core.sdp.Addresses;

/**
 * The ng {@code statistics} reply (also {@code rtpengine-ctl list jsonstats}) in rtpengine 10.5's
 * shape: {@code currentstatistics}, {@code totalstatistics}, {@code intervalstatistics},
 * {@code mos}, {@code controlstatistics}, {@code interfaces}, {@code transcoders}, plus ngrelay's
 * {@code recordingstatistics} and {@code srtpstatistics}. Decimals are strings ({@code "%.6f"}), as rtpengine writes them.
 */
public final class StatisticsReply {

    private StatisticsReply() {
    }

    public static Map<String, Object> of(DaemonStats stats, ControlStats control) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(Stat.Section.CURRENT.key, section(stats, Stat.Section.CURRENT));
        out.put(Stat.Section.TOTAL.key, section(stats, Stat.Section.TOTAL));
        out.put("intervalstatistics", interval());
        out.put(Stat.Section.MOS.key, section(stats, Stat.Section.MOS));
        out.put("controlstatistics", control(control));
        out.put("interfaces", interfaces(stats));
        out.put("transcoders", new ArrayList<Object>());
        out.put(Stat.Section.RECORDING.key, section(stats, Stat.Section.RECORDING));
        out.put(Stat.Section.SRTP.key, section(stats, Stat.Section.SRTP));
        return out;
    }

    private static Map<String, Object> section(DaemonStats stats, Stat.Section section) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Stat s : Stat.values()) {
            if (s.section == section) {
                m.put(s.key, s.ngValue(stats));
            }
        }
        return m;
    }

    /**
     * rtpengine fills these from its graphite interval; without {@code --graphite} (ngrelay has
     * none) they stay 0, as rtpengine's do.
     */
    private static Map<String, Object> interval() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalcallsduration", Stat.decimal(0));
        m.put("minmanagedsessions", 0L);
        m.put("maxmanagedsessions", 0L);
        for (String suffix : new String[] {"delay", "requestrate"}) {
            for (RequestKind k : RequestKind.values()) {
                if (k.inRtpengine()) {
                    for (String prefix : new String[] {"min", "max", "avg"}) {
                        m.put(prefix + k.command + suffix, suffix.equals("delay") ? Stat.decimal(0) : (Object) 0L);
                    }
                }
            }
        }
        return m;
    }

    private static Map<String, Object> control(ControlStats control) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> proxies = new ArrayList<>();
        for (ControlStats.Proxy p : control.proxies()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("proxy", p.address());
            for (RequestKind k : RequestKind.values()) {
                pm.put(k.shortName + "count", p.count(k));
                pm.put(k.shortName + "duration", Stat.decimal(p.seconds(k)));
            }
            pm.put("errorcount", p.errors());
            proxies.add(pm);
        }
        m.put("proxies", proxies);
        for (RequestKind k : RequestKind.values()) {
            m.put("total" + k.shortName + "count", control.total(k));
        }
        return m;
    }

    private static List<Object> interfaces(DaemonStats stats) {
        List<Object> out = new ArrayList<>();
        for (DaemonStats.PortUsage p : stats.ports()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            ports.put("min", (long) p.min());
            ports.put("max", (long) p.max());
            ports.put("used", (long) p.used());
            ports.put("used_pct", String.format(Locale.ROOT, "%.2f", p.total() == 0 ? 0.0 : 100.0 * p.used() / p.total()));
            ports.put("free", (long) p.free());
            ports.put("totals", (long) p.total());
            ports.put("last", (long) p.last());
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", p.name());
            i.put("address", Addresses.toText(p.address()));
            i.put("ports", ports);
            out.add(i);
        }
        return out;
    }
}

package org.ngrelay.cli.control;

import java.util.List;
import java.util.Locale;
import org.ngrelay.core.call.DaemonStats;
import org.ngrelay.ng.stats.ControlStats;
import org.ngrelay.ng.stats.RequestKind;
import org.ngrelay.ng.stats.Stat;

/**
 * {@code list totals} and {@code list numsessions} in rtpengine 10.5's layout, read from the same
 * {@link Stat} table as {@code statistics} and {@code /metrics}. The graphite section is printed
 * as rtpengine prints it without {@code --graphite}: zeros.
 */
final class TotalsText {

    private TotalsText() {
    }

    static String numSessions(DaemonStats s) {
        return "Current sessions own: " + s.ownSessions() + "\n"
                + "Current sessions foreign: " + s.foreignSessions() + "\n"
                + "Current sessions total: " + s.sessions() + "\n"
                + "Current transcoded media: 0\n"
                + "Current sessions ipv4 only media: " + s.ipv4Sessions() + "\n"
                + "Current sessions ipv6 only media: " + s.ipv6Sessions() + "\n"
                + "Current sessions ip mixed  media: " + s.mixedSessions() + "\n";
    }

    static String totals(DaemonStats s, ControlStats control) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nStatistics over currently running sessions:\n\n");
        section(sb, s, Stat.Section.CURRENT);
        sb.append("\nTotal statistics (does not include current running sessions):\n\n");
        section(sb, s, Stat.Section.TOTAL);
        sb.append("\n\nGraphite interval statistics (last reported values to graphite):\n");
        line(sb, "Total calls duration", Stat.decimal(0) + " seconds");
        sb.append('\n');
        line(sb, "Min managed sessions", "0");
        line(sb, "Max managed sessions", "0");
        for (RequestKind k : RequestKind.values()) {
            if (k.inRtpengine()) {
                line(sb, "Min/Max/Avg " + k.command + " processing delay", "0.000000/0.000000/0.000000 sec");
            }
        }
        for (RequestKind k : RequestKind.values()) {
            if (k.inRtpengine()) {
                line(sb, "Min/Max/Avg " + k.command + " requests per second", "0/0/0 per sec");
            }
        }
        sb.append("\n\nMOS statistics:\n\n");
        section(sb, s, Stat.Section.MOS);
        sb.append("\n\nControl statistics:\n\n");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%21s", "Proxy"));
        for (RequestKind k : RequestKind.values()) {
            if (k.inRtpengine()) {
                header.append(String.format(Locale.ROOT, " | %10s", k.column));
            }
        }
        sb.append(header).append(" \n");
        List<ControlStats.Proxy> proxies = control.proxies();
        for (ControlStats.Proxy p : proxies) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%21s", p.address()));
            for (RequestKind k : RequestKind.values()) {
                if (k.inRtpengine()) {
                    row.append(String.format(Locale.ROOT, " | %10d", p.count(k)));
                }
            }
            sb.append(row).append(" \n");
        }
        return sb.append("\n\n\n\n").toString();
    }

    private static void section(StringBuilder sb, DaemonStats s, Stat.Section section) {
        for (Stat stat : Stat.values()) {
            if (stat.section == section && stat.cliLabel != null) {
                line(sb, stat.cliLabel, stat.text(s));
            }
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, " %-48s:%s\n", label, value));
    }
}

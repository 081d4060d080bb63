package org.ngrelay.ng.stats;

/**
 * The Prometheus families whose label values are known only at run time: per interface
 * ({@code name}, {@code address}) and per ng client ({@code proxy}) and command ({@code request}),
 * with rtpengine 10.5's names and labels. rtpengine gives these no HELP text; ngrelay's are here.
 * Their values are the {@code interfaces} and {@code controlstatistics} parts of {@code statistics}.
 */
public enum LabelledFamily {
    PORTS_USED("rtpengine_ports_used", "Ports in use on the interface"),
    PORTS_FREE("rtpengine_ports_free", "Ports free on the interface"),
    PORTS("rtpengine_ports", "Ports of the interface's range"),
    REQUESTS("rtpengine_requests_total", "ng requests answered, by client and command"),
    REQUEST_SECONDS("rtpengine_request_seconds_total", "Time spent answering ng requests, by client and command"),
    ERRORS("rtpengine_errors_total", "ng requests answered with result error, by client");

    public final String name;
    public final String help;

    LabelledFamily(String name, String help) {
        this.name = name;
        this.help = help;
    }
}

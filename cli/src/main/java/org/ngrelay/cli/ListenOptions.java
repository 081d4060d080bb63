package org.ngrelay.cli;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ngrelay.cli.http.Tls;
import picocli.CommandLine.Option;

/**
 * Where the daemon listens for control: ng over UDP and TCP, the CLI, HTTP and HTTPS (with
 * WebSocket), their TOS and threads, and rtpengine's legacy control options that only warn.
 */
final class ListenOptions {

    static final String DEFAULT_NG = "127.0.0.1:2223";

    @Option(names = {"-n", "--listen-ng"}, paramLabel = "[IP:]PORT",
            description = "UDP address for ng commands; repeatable (default: " + DEFAULT_NG + ")")
    List<String> listenNg = new ArrayList<>();

    @Option(names = {"-N", "--listen-tcp-ng"}, paramLabel = "[IP:]PORT",
            description = "TCP address for ng commands, rtpengine's framing (COOKIE SP dictionary, back to back); repeatable (off when not given)")
    List<String> listenTcpNg = new ArrayList<>();

    @Option(names = "--control-tos", paramLabel = "INT", defaultValue = "0",
            description = "IP TOS of ng replies (UDP and TCP), 0 = leave alone; also 'set controltos' (default: ${DEFAULT-VALUE})")
    int controlTos;

    @Option(names = {"-c", "--listen-cli"}, paramLabel = "[IP:]PORT",
            description = "TCP address for rtpengine-ctl's control commands (off when not given)")
    String listenCli;

    @Option(names = "--listen-http", paramLabel = "[IP:]PORT",
            description = "TCP address for HTTP: GET /metrics, /ping, /cli/<command>, POST /ng, WebSocket (off when not given)")
    String listenHttp;

    @Option(names = "--listen-https", paramLabel = "[IP:]PORT",
            description = "TCP address for HTTPS and WSS, the same requests as --listen-http (needs --https-cert)")
    String listenHttps;

    @Option(names = "--https-cert", paramLabel = "FILE", description = "PEM certificate (chain) for --listen-https")
    Path httpsCert;

    @Option(names = "--https-key", paramLabel = "FILE",
            description = "PEM private key (PKCS#8: BEGIN PRIVATE KEY) for --listen-https (default: read from --https-cert)")
    Path httpsKey;

    @Option(names = "--http-threads", paramLabel = "INT",
            description = "threads for HTTP, HTTPS and WebSocket (default: --num-threads)")
    Integer httpThreads;

    @Option(names = {"-u", "--listen-udp"}, paramLabel = "[IP46|HOSTNAME:]PORT", hidden = true,
            description = "rtpengine's legacy rtpproxy-compatible UDP control protocol: accepted with a start-up warning that names --listen-ng, by decision (docs/compatibility.md)")
    String listenUdp;

    @Option(names = {"-l", "--listen-tcp"}, paramLabel = "[IP:]PORT", hidden = true,
            description = "rtpengine's legacy rtpproxy-compatible TCP control protocol: accepted with a start-up warning that names --listen-ng, by decision (docs/compatibility.md)")
    String listenTcp;

    /** Every address parsed, so that a bad one stops the daemon before anything is bound. */
    record Addresses(List<InetSocketAddress> ng, List<InetSocketAddress> tcpNg, InetSocketAddress cli,
                     InetSocketAddress http, InetSocketAddress https, SslContext tls) {
    }

    Addresses resolve() throws UnknownHostException {
        if (controlTos < 0 || controlTos > 255) {
            throw new IllegalArgumentException("--control-tos is a byte: 0 to 255");
        }
        InetSocketAddress https = parse(listenHttps);
        return new Addresses(parseAll(ngValues()), parseAll(DaemonCommand.splitAll(listenTcpNg)), parse(listenCli),
                parse(listenHttp), https, https == null ? null : Tls.serverContext(httpsCert, httpsKey));
    }

    /** {@code --http-threads}, else the media threads' number. */
    int webThreads(int mediaThreads) {
        return httpThreads != null && httpThreads > 0 ? httpThreads : mediaThreads;
    }

    /** One warning for each legacy control option given, naming --listen-ng instead. */
    List<String> legacyWarnings() {
        List<String> out = new ArrayList<>();
        for (String legacy : new String[] {listenUdp != null ? "--listen-udp=" + listenUdp : null,
                listenTcp != null ? "--listen-tcp=" + listenTcp : null}) {
            if (legacy != null) {
                out.add(legacy + " has no effect: rtpengine's legacy (rtpproxy-compatible, non-ng) control protocol is not"
                        + " implemented, as Kamailio's and OpenSIPS's rtpengine modules speak only ng; use --listen-ng"
                        + " (ng is listening on " + String.join(", ", ngValues()) + ")");
            }
        }
        return out;
    }

    private List<String> ngValues() {
        return listenNg.isEmpty() ? List.of(DEFAULT_NG) : DaemonCommand.splitAll(listenNg);
    }

    private static InetSocketAddress parse(String value) throws UnknownHostException {
        return value == null ? null : DaemonCommand.parseListen(value);
    }

    private static List<InetSocketAddress> parseAll(List<String> values) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String v : values) {
            out.add(DaemonCommand.parseListen(v));
        }
        return out;
    }
}

package org.ngrelay.cli;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code params start|current}: what is set at start only, under rtpengine 10.5's names. */
final class StartParams {

    private StartParams() {
    }

    /** What the daemon {@code d} was started with, for {@code threads} media threads and the ng and CLI sockets it bound. */
    static Map<String, String> of(DaemonCommand d, int threads, List<InetSocketAddress> ngAddresses, InetSocketAddress cliAddress) {
        Map<String, String> p = new HashMap<>();
        putIfSet(p, "table", d.inert.table);
        putIfSet(p, "redis-expires", d.inert.redisExpires);
        p.put("tos", Integer.toString(d.tos));
        putIfSet(p, "graphite-interval", d.inert.graphiteInterval);
        putIfSet(p, "redis-num-threads", d.inert.redisNumThreads);
        putIfSet(p, "homer-id", d.inert.homerId);
        p.put("no-fallback", d.inert.noFallback ? "1" : "0");
        p.put("port-min", Integer.toString(d.portMin));
        p.put("port-max", Integer.toString(d.portMax));
        p.put("no-redis-required", d.inert.noRedisRequired ? "1" : "0");
        p.put("num-threads", Integer.toString(threads));
        putIfSet(p, "xmlrpc-format", d.inert.xmlrpcFormat);
        putIfSet(p, "b2b_url", d.inert.b2bUrl);
        if (d.recordingDir != null) {
            p.put("recording-dir", d.recordingDir.toString());
        }
        p.put("recording-method", d.recordingMethod);
        p.put("recording-format", d.recordingFormat);
        putIfSet(p, "iptables-chain", d.inert.iptablesChain);
        putIfSet(p, "listen-tcp", d.listen.listenTcp);
        putIfSet(p, "listen-udp", d.listen.listenUdp);
        List<String> ng = new ArrayList<>();
        for (InetSocketAddress a : ngAddresses) {
            ng.add(endpoint(a));
        }
        p.put("listen-ng", String.join(" ", ng));
        if (cliAddress != null) {
            p.put("listen-cli", endpoint(cliAddress));
        }
        return p;
    }

    private static void putIfSet(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static String endpoint(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}

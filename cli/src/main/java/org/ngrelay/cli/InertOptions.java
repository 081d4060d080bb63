package org.ngrelay.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The rtpengine 10.5 options that have no effect in ngrelay (yet), accepted so that an rtpengine
 * command line or rtpengine.conf starts ngrelay unchanged. Each option's description is the reason
 * it has no effect: {@link DaemonCommand} logs it once at start-up for every option given
 * ({@code docs/compatibility.md} has the table). Hidden from {@code --help}, which lists what works.
 * Generated from rtpengine 10.5's {@code --help} and {@code daemon/main.c}'s option types; the
 * value is kept (not checked) so an option that later works can take it over.
 */
final class InertOptions {

    static final String KERNEL = "ngrelay has no kernel module: it relays in userspace (its JNI epoll loop or the JDK selector)";
    static final String REDIS = "Redis call replication (high availability) is not built yet: calls live in this process only";
    static final String GRAPHITE = "ngrelay does not push statistics to Graphite; the same figures are on /metrics (--listen-http)";
    static final String XMLRPC = "the XMLRPC call-timeout notification to a B2BUA is not built; a timed-out call is ended and logged";
    static final String FACILITY = "ngrelay writes no separate CDR, RTCP or DTMF log streams: call summaries go to --log-facility with every other line";
    static final String DTMF = "DTMF event handling is not built yet: telephone-event packets are relayed as they come";
    static final String PLAYBACK = "media playback (play media, play DTMF) is not built yet";
    static final String SRTPKEYS = "SRTP is not built yet, so there are no keys to log";
    static final String HOMER = "HEP export to Homer is not built";
    static final String IPTABLES = "ngrelay installs no firewall rules (it has no kernel forwarding to open ports for)";
    static final String SCHED = "media threads keep the JVM's default scheduling; set a policy on the whole process (chrt, systemd CPUSchedulingPolicy=)";
    static final String MYSQL = "media playback from a database is not built yet";
    static final String JB = "there is no jitter buffer: packets are relayed as they come";
    static final String POLLER = "always the case here: every media thread has its own poller (epoll, or a JDK selector)";
    static final String TRANSCODING = "transcoding (DTX, silence detection, comfort noise) is not built yet: codecs pass through";
    static final String MQTT = "MQTT publishing is not built";
    static final String JANUS = "the Janus protocol is not built";
    static final String STACK = "the JVM sizes thread stacks (-Xss in JAVA_OPTS)";
    static final String SAVEPORTS = "ngrelay has no round-robin over same-named interfaces, so a stream's ports are always on one interface";

    static final String SOFTWARE_ID = "the name is sent in STUN SOFTWARE attributes and subscription SDPs, and ngrelay has neither ICE nor subscriptions yet";
    static final String CPU_AFFINITY = "SO_INCOMING_CPU cannot be set on the JDK's sockets; the kernel steers each media socket's packets to the thread that reads it";

    @Option(names = "--software-id", paramLabel = "STRING", hidden = true, description = SOFTWARE_ID)
    String softwareId;

    @Option(names = "--socket-cpu-affinity", paramLabel = "INT", hidden = true, description = CPU_AFFINITY)
    String socketCpuAffinity;

    @Option(names = "--thread-stack", paramLabel = "INT", hidden = true, description = STACK)
    String threadStack;

    @Option(names = {"-t", "--table"}, paramLabel = "INT", hidden = true, description = KERNEL)
    String table;

    @Option(names = {"-F", "--no-fallback"}, hidden = true, description = KERNEL)
    boolean noFallback;

    @Option(names = {"-S", "--save-interface-ports"}, hidden = true, description = SAVEPORTS)
    boolean saveInterfacePorts;

    @Option(names = {"-k", "--subscribe-keyspace"}, paramLabel = "INT", hidden = true, description = REDIS)
    List<String> subscribeKeyspace;

    @Option(names = {"-g", "--graphite"}, paramLabel = "IP46|HOSTNAME:PORT", hidden = true, description = GRAPHITE)
    String graphite;

    @Option(names = {"-G", "--graphite-interval"}, paramLabel = "INT", hidden = true, description = GRAPHITE)
    String graphiteInterval;

    @Option(names = "--graphite-prefix", paramLabel = "STRING", hidden = true, description = GRAPHITE)
    String graphitePrefix;

    @Option(names = "--graphite-timeout", paramLabel = "INT", hidden = true, description = GRAPHITE)
    String graphiteTimeout;

    @Option(names = {"-r", "--redis"}, paramLabel = "[PW@]IP:PORT/INT", hidden = true, description = REDIS)
    String redis;

    @Option(names = {"-w", "--redis-write"}, paramLabel = "[PW@]IP:PORT/INT", hidden = true, description = REDIS)
    String redisWrite;

    @Option(names = "--redis-num-threads", paramLabel = "INT", hidden = true, description = REDIS)
    String redisNumThreads;

    @Option(names = "--redis-expires", paramLabel = "INT", hidden = true, description = REDIS)
    String redisExpires;

    @Option(names = {"-q", "--no-redis-required"}, hidden = true, description = REDIS)
    boolean noRedisRequired;

    @Option(names = "--redis-allowed-errors", paramLabel = "INT", hidden = true, description = REDIS)
    String redisAllowedErrors;

    @Option(names = "--redis-disable-time", paramLabel = "INT", hidden = true, description = REDIS)
    String redisDisableTime;

    @Option(names = "--redis-cmd-timeout", paramLabel = "INT", hidden = true, description = REDIS)
    String redisCmdTimeout;

    @Option(names = "--redis-connect-timeout", paramLabel = "INT", hidden = true, description = REDIS)
    String redisConnectTimeout;

    @Option(names = {"-y", "--redis-delete-async"}, paramLabel = "INT", hidden = true, description = REDIS)
    String redisDeleteAsync;

    @Option(names = "--redis-delete-async-interval", paramLabel = "INT", hidden = true, description = REDIS)
    String redisDeleteAsyncInterval;

    @Option(names = "--active-switchover", hidden = true, description = REDIS)
    boolean activeSwitchover;

    @Option(names = {"-b", "--b2b-url"}, paramLabel = "STRING", hidden = true, description = XMLRPC)
    String b2bUrl;

    @Option(names = {"-x", "--xmlrpc-format"}, paramLabel = "INT", hidden = true, description = XMLRPC)
    String xmlrpcFormat;

    @Option(names = "--log-facility-cdr", paramLabel = "daemon|local0|...|local7", hidden = true, description = FACILITY)
    String logFacilityCdr;

    @Option(names = "--log-facility-rtcp", paramLabel = "daemon|local0|...|local7", hidden = true, description = FACILITY)
    String logFacilityRtcp;

    @Option(names = "--log-facility-dtmf", paramLabel = "daemon|local0|...|local7", hidden = true, description = FACILITY)
    String logFacilityDtmf;

    @Option(names = "--dtmf-log-dest", paramLabel = "IP46|HOSTNAME:PORT", hidden = true, description = DTMF)
    String dtmfLogDest;

    @Option(names = "--dtmf-log-ng-tcp", hidden = true, description = DTMF)
    boolean dtmfLogNgTcp;

    @Option(names = "--dtmf-no-suppress", hidden = true, description = DTMF)
    boolean dtmfNoSuppress;

    @Option(names = "--dtmf-digit-delay", paramLabel = "INT", hidden = true, description = DTMF)
    String dtmfDigitDelay;

    @Option(names = "--media-num-threads", paramLabel = "INT", hidden = true, description = PLAYBACK)
    String mediaNumThreads;


    @Option(names = "--homer", paramLabel = "IP46|HOSTNAME:PORT", hidden = true, description = HOMER)
    String homer;

    @Option(names = "--homer-protocol", paramLabel = "udp|tcp", hidden = true, description = HOMER)
    String homerProtocol;

    @Option(names = "--homer-id", paramLabel = "INT", hidden = true, description = HOMER)
    String homerId;

    @Option(names = "--iptables-chain", paramLabel = "STRING", hidden = true, description = IPTABLES)
    String iptablesChain;

    @Option(names = "--scheduling", paramLabel = "default|none|fifo|rr|other|batch|idle", hidden = true, description = SCHED)
    String scheduling;

    @Option(names = "--priority", paramLabel = "INT", hidden = true, description = SCHED)
    String priority;

    @Option(names = "--idle-scheduling", paramLabel = "default|none|fifo|rr|other|batch|idle", hidden = true, description = SCHED)
    String idleScheduling;

    @Option(names = "--idle-priority", paramLabel = "INT", hidden = true, description = SCHED)
    String idlePriority;

    @Option(names = "--log-srtp-keys", hidden = true, description = SRTPKEYS)
    boolean logSrtpKeys;

    @Option(names = "--mysql-host", paramLabel = "HOST|IP", hidden = true, description = MYSQL)
    String mysqlHost;

    @Option(names = "--mysql-port", paramLabel = "INT", hidden = true, description = MYSQL)
    String mysqlPort;

    @Option(names = "--mysql-user", paramLabel = "USERNAME", hidden = true, description = MYSQL)
    String mysqlUser;

    @Option(names = "--mysql-pass", paramLabel = "PASSWORD", hidden = true, description = MYSQL)
    String mysqlPass;

    @Option(names = "--mysql-query", paramLabel = "STRING", hidden = true, description = MYSQL)
    String mysqlQuery;

    @Option(names = "--jitter-buffer", paramLabel = "INT", hidden = true, description = JB)
    String jitterBuffer;

    @Option(names = "--jb-clock-drift", hidden = true, description = JB)
    boolean jbClockDrift;






    @Option(names = "--poller-per-thread", hidden = true, description = POLLER)
    boolean pollerPerThread;

    @Option(names = "--dtx-delay", paramLabel = "INT", hidden = true, description = TRANSCODING)
    String dtxDelay;

    @Option(names = "--max-dtx", paramLabel = "INT", hidden = true, description = TRANSCODING)
    String maxDtx;

    @Option(names = "--dtx-buffer", paramLabel = "INT", hidden = true, description = TRANSCODING)
    String dtxBuffer;

    @Option(names = "--dtx-lag", paramLabel = "INT", hidden = true, description = TRANSCODING)
    String dtxLag;

    @Option(names = "--dtx-shift", paramLabel = "INT", hidden = true, description = TRANSCODING)
    String dtxShift;

    @Option(names = "--dtx-cn-params", paramLabel = "INT", hidden = true, description = TRANSCODING)
    List<String> dtxCnParams;

    @Option(names = "--amr-dtx", paramLabel = "native|CN", hidden = true, description = TRANSCODING)
    String amrDtx;

    @Option(names = "--silence-detect", paramLabel = "FLOAT", hidden = true, description = TRANSCODING)
    String silenceDetect;

    @Option(names = "--cn-payload", paramLabel = "INT", hidden = true, description = TRANSCODING)
    List<String> cnPayload;

    @Option(names = "--mqtt-host", paramLabel = "HOST|IP", hidden = true, description = MQTT)
    String mqttHost;

    @Option(names = "--mqtt-port", paramLabel = "INT", hidden = true, description = MQTT)
    String mqttPort;

    @Option(names = "--mqtt-id", paramLabel = "STRING", hidden = true, description = MQTT)
    String mqttId;

    @Option(names = "--mqtt-keepalive", paramLabel = "INT", hidden = true, description = MQTT)
    String mqttKeepalive;

    @Option(names = "--mqtt-user", paramLabel = "USERNAME", hidden = true, description = MQTT)
    String mqttUser;

    @Option(names = "--mqtt-pass", paramLabel = "PASSWORD", hidden = true, description = MQTT)
    String mqttPass;

    @Option(names = "--mqtt-cafile", paramLabel = "FILE", hidden = true, description = MQTT)
    String mqttCafile;

    @Option(names = "--mqtt-capath", paramLabel = "PATH", hidden = true, description = MQTT)
    String mqttCapath;

    @Option(names = "--mqtt-certfile", paramLabel = "FILE", hidden = true, description = MQTT)
    String mqttCertfile;

    @Option(names = "--mqtt-keyfile", paramLabel = "FILE", hidden = true, description = MQTT)
    String mqttKeyfile;

    @Option(names = "--mqtt-publish-qos", paramLabel = "0|1|2", hidden = true, description = MQTT)
    String mqttPublishQos;

    @Option(names = "--mqtt-publish-topic", paramLabel = "STRING", hidden = true, description = MQTT)
    String mqttPublishTopic;

    @Option(names = "--mqtt-publish-interval", paramLabel = "MILLISECONDS", hidden = true, description = MQTT)
    String mqttPublishInterval;

    @Option(names = "--mqtt-publish-scope", paramLabel = "global|call|media", hidden = true, description = MQTT)
    String mqttPublishScope;

    @Option(names = "--janus-secret", paramLabel = "STRING", hidden = true, description = JANUS)
    String janusSecret;
}

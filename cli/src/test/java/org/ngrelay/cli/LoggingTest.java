package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging as rtpengine does it: without {@code --log-stderr} to the syslog socket (here a Unix
 * datagram socket of the test's, where {@code /dev/log} would be), with the facility and the
 * record's level in the priority, and {@code set loglevel} taking effect at once.
 */
@Timeout(30)
class LoggingTest {

    private static final Logger LOG = Logger.getLogger("org.ngrelay.test");

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty(Logging.SYSLOG_SOCKET_PROPERTY);
        Logging.configure(6, true, 3);
    }

    @Test
    void logsToSyslogWithFacilityAndLevelAndNoStackTraceForABadRequest() throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "Unix datagram sockets need Netty's epoll transport (Linux)");
        Path socket = dir.resolve("log");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel syslog = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket p) {
                            lines.add(p.content().toString(StandardCharsets.UTF_8));
                        }
                    }).bind(new DomainSocketAddress(socket.toString())).sync().channel();
            System.setProperty(Logging.SYSLOG_SOCKET_PROPERTY, socket.toString());
            Logging.configure(6, false, SyslogHandler.FACILITIES.get("local0"));
            String pid = Long.toString(ProcessHandle.current().pid());

            LOG.info("[call-1/tag-a] hello");
            // local0 (16) * 8 + info (6)
            assertThat(next(lines)).matches("<134>[A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d ngrelay\\[" + pid + "\\]: INFO: \\[call-1/tag-a\\]: \\[core\\] hello");

            LOG.log(Level.INFO, "[call-2] ng request c1 rejected: Unknown call-id", new IOException("bad input"));
            assertThat(next(lines)).endsWith("INFO: [call-2]: [core] ng request c1 rejected: Unknown call-id: java.io.IOException: bad input")
                    .doesNotContain("\tat ");

            LOG.log(Level.SEVERE, "[call-3] request failed", new IllegalStateException("a bug of ours"));
            assertThat(next(lines)).startsWith("<131>").contains("ERR: [call-3]: [core] request failed").contains("\tat org.ngrelay.cli.LoggingTest");

            Logging.setLevel(4); // rtpengine-ctl set loglevel 4
            LOG.info("not at level 4");
            LOG.warning("[call-4] warned");
            assertThat(next(lines)).startsWith("<132>").endsWith("WARNING: [call-4]: [core] warned");
            assertThat(Logging.currentLevel()).isEqualTo(4);
            syslog.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void withoutASyslogSocketItLogsToStderr() {
        System.setProperty(Logging.SYSLOG_SOCKET_PROPERTY, dir.resolve("missing").toString());
        Logging.configure(6, false, 3);
        assertThat(Logger.getLogger("").getHandlers()).singleElement().isInstanceOf(ConsoleHandler.class);
    }

    @Test
    void eachSubsystemHasItsOwnLevelAndTheCliSetsThem() {
        Logging.configure(6, java.util.Map.of(LogSubsystem.HTTP, 3, LogSubsystem.CONTROL, 7), true, 3, LogLine.Options.DEFAULT);
        Logger http = Logger.getLogger("org.ngrelay.cli.http.HttpServer");
        Logger control = Logger.getLogger("org.ngrelay.ng.NgProcessor");
        Logger core = Logger.getLogger("org.ngrelay.core.call.Call");
        assertThat(http.isLoggable(Level.INFO)).isFalse();
        assertThat(http.isLoggable(Level.SEVERE)).isTrue();
        assertThat(control.isLoggable(Level.FINE)).isTrue();
        assertThat(core.isLoggable(Level.INFO)).isTrue();
        assertThat(core.isLoggable(Level.FINE)).isFalse();
        assertThat(core.isLoggable(Logging.NOTICE)).isTrue();
        org.ngrelay.cli.control.LogLevels cli = Logging.control();
        assertThat(cli.level("internals")).as("off unless named, as in 10.5").isEqualTo(-1);
        assertThat(cli.set("core", 5)).isTrue();
        assertThat(core.isLoggable(Level.INFO)).as("5 is notice: info is below it").isFalse();
        assertThat(cli.set("nosuch", 5)).isFalse();
        cli.setAll(7);
        assertThat(http.isLoggable(Level.FINE)).isTrue();
        assertThat(cli.level("internals")).isEqualTo(7);
        assertThat(cli.names()).startsWith("core", "spandsp", "ffmpeg").endsWith("http", "control", "dtx");
    }

    @Test
    void linesHaveRtpenginesShapeInBothFormats() {
        java.util.logging.LogRecord r = new java.util.logging.LogRecord(Level.INFO, "[call-9/tag-b] Received command 'offer'");
        r.setLoggerName("org.ngrelay.ng.NgProcessor");
        r.setInstant(java.time.Instant.ofEpochSecond(1796253017L, 459451000L));
        assertThat(new LogLine(LogLine.Options.DEFAULT, true).format(r))
                .isEqualTo("[1796253017.459451] INFO: [call-9/tag-b]: [control] Received command 'offer'\n");
        assertThat(new LogLine(new LogLine.Options(true, false, 0, true, "", ""), false).format(r))
                .isEqualTo("INFO: [ID=\"call-9\" tag=\"tag-b\"]: [control] Received command 'offer'\n");
        assertThat(new LogLine(new LogLine.Options(false, false, 0, true, "{", "}"), false).format(r))
                .isEqualTo("INFO: [{call-9}/{tag-b}]: [control] Received command 'offer'\n");
        java.util.logging.LogRecord plain = new java.util.logging.LogRecord(Level.WARNING, "Startup\nsecond line, longer");
        plain.setLoggerName("org.ngrelay.cli.http.HttpServer");
        assertThat(new LogLine(LogLine.Options.DEFAULT, false).format(plain)).isEqualTo("WARNING: [http] Startup\nsecond line, longer\n");
        assertThat(new LogLine(new LogLine.Options(false, true, 0, true, "", ""), false).format(plain))
                .as("--split-logs").isEqualTo("WARNING: [http] Startup\nWARNING: [http] second line, longer\n");
        assertThat(new LogLine(new LogLine.Options(false, true, 10, true, "", ""), false).format(plain))
                .as("--max-log-line-length=10").isEqualTo("WARNING: [http] Startup\nWARNING: [http] second lin\nWARNING: [http] e, longer\n");
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(5, TimeUnit.SECONDS);
        assertThat(line).as("a syslog datagram").isNotNull();
        return line.stripTrailing();
    }
}

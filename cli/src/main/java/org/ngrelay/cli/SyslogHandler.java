package org.ngrelay.cli;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Log records to the local syslog socket ({@code /dev/log}, a Unix datagram socket), as rtpengine
 * logs unless {@code --log-stderr}: one RFC 3164 line {@code <PRI>Mmm dd hh:mm:ss ngrelay[pid]: text}
 * per record, the priority made of {@code --log-facility} and the record's syslog level. The JDK
 * has no Unix datagram sockets, so Netty's epoll transport (already ngrelay's) sends them.
 */
final class SyslogHandler extends Handler {

    /** rtpengine's {@code --log-facility} names and their syslog numbers. */
    static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("kern", 0), Map.entry("user", 1),
            Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4), Map.entry("syslog", 5), Map.entry("lpr", 6),
            Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9), Map.entry("authpriv", 10), Map.entry("ftp", 11),
            Map.entry("local0", 16), Map.entry("local1", 17), Map.entry("local2", 18), Map.entry("local3", 19),
            Map.entry("local4", 20), Map.entry("local5", 21), Map.entry("local6", 22), Map.entry("local7", 23));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final EventLoopGroup group;
    private final Channel channel;
    private final DomainSocketAddress target;
    private final int facility;
    private final boolean splitLines;
    private final String tag = "ngrelay[" + ProcessHandle.current().pid() + "]: ";

    private SyslogHandler(EventLoopGroup group, Channel channel, DomainSocketAddress target, int facility, boolean splitLines) {
        this.splitLines = splitLines;
        this.group = group;
        this.channel = channel;
        this.target = target;
        this.facility = facility;
    }

    /**
     * @return null when there is no syslog socket at {@code path} (a container, say) or no epoll
     */
    // Unconnected sends keep working when syslog restarts and makes its socket anew; Netty lets an
    // unbound datagram channel send only with this (deprecated, still supported) option.
    @SuppressWarnings("deprecation")
    static SyslogHandler open(Path path, int facility, boolean splitLines) {
        if (!Files.exists(path) || !Epoll.isAvailable()) {
            return null;
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "syslog");
            t.setDaemon(true);
            return t;
        }, EpollIoHandler.newFactory());
        try {
            Channel ch = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .option(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true)
                    .handler(new ChannelInboundHandlerAdapter()).register().sync().channel();
            return new SyslogHandler(group, ch, new DomainSocketAddress(path.toString()), facility, splitLines);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        String text = getFormatter().format(r).stripTrailing();
        String head = "<" + (facility * 8 + Logging.syslogLevel(r.getLevel())) + ">" + LocalDateTime.now().format(TIME) + " " + tag;
        // --split-logs: one syslog message per line, as rtpengine sends them
        for (String line : splitLines ? text.split("\n") : new String[] {text}) {
            // A failed send (syslog restarting) is dropped: reporting it would log, and so loop.
            channel.writeAndFlush(new DomainDatagramPacket(Unpooled.copiedBuffer(head + line, StandardCharsets.UTF_8), target));
        }
    }

    @Override
    public void flush() {
        // every record is sent as it comes
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}

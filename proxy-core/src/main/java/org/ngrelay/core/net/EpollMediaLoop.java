package org.ngrelay.core.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A media loop on epoll through ngrelay's own small JNI library ({@code src/main/c/epoll_media.c}):
 * one native call per wake-up waits and reads a datagram from every ready socket into a batch
 * buffer, and one native call per packet sends it. Measured against {@link NioMediaLoop} (same
 * system calls, through the JDK's selector and DatagramChannel), it saves about 1 µs of user time
 * per relayed packet; see docs/performance.md. Nothing is allocated per packet: the source address
 * object is kept per socket while the sender stays the same, as the JDK does.
 */
public final class EpollMediaLoop extends AbstractMediaLoop {

    private static final Logger LOG = Logger.getLogger(EpollMediaLoop.class.getName());
    /** Room for thousands of voice packets, and always for one datagram of the largest size. */
    private static final int BATCH_BYTES = 1 << 20;
    private static final long ERROR_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final long handle;
    private final ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES).order(ByteOrder.nativeOrder());
    /** Each packet is handed to its handler here, at position 0, in network byte order. */
    private final ByteBuffer packet = ByteBuffer.allocateDirect(EpollNative.MAX_DATAGRAM);
    private final long packetAddress = EpollNative.address(packet);
    /** Heap buffers are copied here to be sent. */
    private final ByteBuffer sendScratch = ByteBuffer.allocateDirect(EpollNative.MAX_DATAGRAM);
    private final long sendScratchAddress = EpollNative.address(sendScratch);
    /** Open sockets by file descriptor. */
    private EpollSocket[] sockets = new EpollSocket[1024];
    private int generation;
    private boolean destroyed;
    private long lastErrorLogNs;
    /** What the prefetch pass read; written so that its reads are kept. */
    private int prefetched;

    /** Null when this transport can run here, else why not. */
    public static String unavailableReason() {
        return EpollNative.unavailableReason();
    }

    public EpollMediaLoop(String name) {
        super(name);
        String why = EpollNative.unavailableReason();
        if (why != null) {
            throw new IllegalStateException("the epoll media transport is not available: " + why);
        }
        long h = EpollNative.create(batch);
        if (h < 0) {
            throw new UncheckedIOException(new IOException(name + ": epoll: " + EpollNative.strerror((int) -h)));
        }
        handle = h;
        start();
    }

    @Override
    public MediaSocket open(InetSocketAddress local, int tos, PacketHandler handler) throws IOException {
        if (!inLoop()) {
            throw new IllegalStateException("sockets are opened on their loop");
        }
        InetAddress address = local.getAddress();
        if (address == null) {
            throw new IOException("unresolved address " + local);
        }
        boolean ipv6 = address instanceof Inet6Address;
        int fd = EpollNative.open(ipv6, tos);
        if (fd < 0) {
            throw new IOException("cannot open a UDP socket: " + EpollNative.strerror(-fd));
        }
        byte[] raw = address.getAddress();
        int port = EpollNative.bind(fd, ipv6, high(raw), low(raw, ipv6), local.getPort(), scope(address));
        if (port < 0) {
            EpollNative.close(fd);
            throw new BindException(EpollNative.strerror(-port) + ": " + local);
        }
        long token = ((long) (++generation & 0x7fffffff) << 32) | fd;
        int rc = EpollNative.register(handle, fd, token);
        if (rc < 0) {
            EpollNative.close(fd);
            throw new IOException("epoll_ctl: " + EpollNative.strerror(-rc));
        }
        EpollSocket socket = new EpollSocket(this, fd, token, ipv6, new InetSocketAddress(address, port), handler);
        if (fd >= sockets.length) {
            sockets = Arrays.copyOf(sockets, Math.max(fd + 1, sockets.length * 2));
        }
        sockets[fd] = socket;
        return socket;
    }

    @Override
    boolean poll(int timeoutMs) {
        int records = EpollNative.poll(handle, timeoutMs);
        if (records <= 0) {
            if (records < 0) {
                logRateLimited("epoll_wait: " + EpollNative.strerror(-records), null);
            }
            return true;
        }
        long nowNs = System.nanoTime();
        ByteBuffer b = batch;
        prefetch(b, records);
        int offset = 0;
        for (int i = 0; i < records; i++) {
            int length = b.getInt(offset + 8);
            EpollSocket socket = socketOf(b.getLong(offset));
            if (socket != null) {
                InetSocketAddress source = socket.source(b, offset);
                if (source != null) {
                    packet.clear();
                    packet.put(0, b, offset + EpollNative.HEADER, length);
                    packet.limit(length);
                    try {
                        socket.handler.onPacket(packet, source, nowNs);
                    } catch (RuntimeException e) {
                        // Conventions: no exception leaves a packet, and a bad packet never closes a socket.
                        logRateLimited("packet handler failed on " + socket.localAddress, e);
                    }
                }
            }
            offset += EpollNative.HEADER + ((length + 7) & ~7);
        }
        return true;
    }

    /** Touches every record's socket and handler state first, so their cache misses overlap. */
    private void prefetch(ByteBuffer b, int records) {
        int seen = 0;
        int offset = 0;
        for (int i = 0; i < records; i++) {
            EpollSocket socket = socketOf(b.getLong(offset));
            if (socket != null) {
                try {
                    seen += socket.handler.prefetch();
                } catch (RuntimeException e) {
                    logRateLimited("prefetch failed on " + socket.localAddress, e);
                }
            }
            offset += EpollNative.HEADER + ((b.getInt(offset + 8) + 7) & ~7);
        }
        prefetched = seen;
    }

    /** The open socket a record came from; null for one closed (its fd maybe reused) since it was read. */
    private EpollSocket socketOf(long token) {
        int fd = (int) token;
        EpollSocket socket = fd < sockets.length ? sockets[fd] : null;
        return socket != null && socket.token == token ? socket : null;
    }

    @Override
    synchronized void wakeUp() {
        // synchronized with closeAll: never write to the eventfd of a destroyed loop
        if (!destroyed) {
            EpollNative.wakeup(handle);
        }
    }

    @Override
    void closeAll() {
        for (EpollSocket socket : sockets) {
            if (socket != null) {
                socket.close();
            }
        }
        synchronized (this) {
            destroyed = true;
            EpollNative.destroy(handle);
        }
    }

    private void logRateLimited(String what, Throwable e) {
        long now = System.nanoTime();
        if (now - lastErrorLogNs >= ERROR_LOG_INTERVAL_NS) {
            lastErrorLogNs = now;
            LOG.log(Level.WARNING, name() + ": " + what, e);
        }
    }

    // An address as the native side takes it: 128 bits (IPv4: the low 32, or IPv4-mapped on an
    // IPv6 socket), a port and an IPv6 scope.

    private static long high(byte[] b) {
        return b.length == 4 ? 0 : bigEndianLong(b, 0);
    }

    private static long low(byte[] b, boolean ipv6Socket) {
        if (b.length == 4) {
            long v4 = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
            return ipv6Socket ? 0xffff_0000_0000L | v4 : v4;
        }
        return bigEndianLong(b, 8);
    }

    private static int scope(InetAddress address) {
        return address instanceof Inet6Address ? ((Inet6Address) address).getScopeId() : 0;
    }

    private static long bigEndianLong(byte[] b, int from) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[from + i] & 0xffL);
        }
        return v;
    }

    /** One UDP socket of this loop. */
    private static final class EpollSocket implements MediaSocket {
        private final EpollMediaLoop loop;
        private final long token;
        private final boolean ipv6;
        private final InetSocketAddress localAddress;
        private int fd;
        private PacketHandler handler;

        // the last sender, as the native side wrote it, and its Java object
        private int sourceFamilyPort;
        private long sourceA;
        private long sourceB;
        private int sourceScope;
        private InetSocketAddress source;

        // the last target and its encoding (fields, not an object: one cache line less per packet)
        private InetSocketAddress target;
        private long targetHigh;
        private long targetLow;
        private int targetPort;
        private int targetScope;

        EpollSocket(EpollMediaLoop loop, int fd, long token, boolean ipv6, InetSocketAddress localAddress, PacketHandler handler) {
            this.loop = loop;
            this.fd = fd;
            this.token = token;
            this.ipv6 = ipv6;
            this.localAddress = localAddress;
            this.handler = handler;
        }

        /** The record's source; the same object as last time while the sender stays the same. */
        InetSocketAddress source(ByteBuffer b, int offset) {
            int familyPort = b.getInt(offset + 12);
            long a = b.getLong(offset + 16);
            long c = b.getLong(offset + 24);
            int scope = b.getInt(offset + 32);
            if (source != null && familyPort == sourceFamilyPort && a == sourceA && c == sourceB && scope == sourceScope) {
                return source;
            }
            int family = b.getShort(offset + 12) & 0xffff;
            int port = b.getShort(offset + 14) & 0xffff;
            byte[] address = new byte[family == EpollNative.AF_INET ? 4 : 16];
            b.get(offset + 16, address);
            try {
                // an IPv4-mapped IPv6 address comes back as an Inet4Address, as from the JDK
                InetAddress ia = family == EpollNative.AF_INET6 && scope != 0
                        ? Inet6Address.getByAddress(null, address, scope) : InetAddress.getByAddress(address);
                source = new InetSocketAddress(ia, port);
            } catch (UnknownHostException e) {
                return null; // cannot happen for 4 or 16 bytes
            }
            sourceFamilyPort = familyPort;
            sourceA = a;
            sourceB = c;
            sourceScope = scope;
            return source;
        }

        @Override
        public InetSocketAddress localAddress() {
            return localAddress;
        }

        @Override
        public boolean send(ByteBuffer packet, InetSocketAddress to) {
            if (fd < 0) {
                return false;
            }
            if (to != target && !target(to)) {
                return false;
            }
            int position = packet.position();
            int length = packet.remaining();
            long address;
            if (packet == loop.packet) {
                address = loop.packetAddress; // the relay's case: the packet just received
            } else if (packet.isDirect()) {
                address = EpollNative.address(packet);
            } else {
                loop.sendScratch.put(0, packet, position, length);
                address = loop.sendScratchAddress;
                position = 0;
            }
            return EpollNative.send(fd, address, position, length, ipv6, targetHigh, targetLow, targetPort, targetScope) > 0;
        }

        private boolean target(InetSocketAddress to) {
            InetAddress address = to.getAddress();
            if (address == null || to.getPort() == 0) {
                return false;
            }
            byte[] raw = address.getAddress();
            if (raw.length == 16 && !ipv6) {
                return false; // an IPv6 target for an IPv4 socket
            }
            target = to;
            targetHigh = high(raw);
            targetLow = low(raw, ipv6);
            targetPort = to.getPort();
            targetScope = scope(address);
            return true;
        }

        @Override
        public void handler(PacketHandler handler) {
            this.handler = handler;
        }

        @Override
        public void close() {
            if (fd < 0) {
                return;
            }
            if (loop.sockets[fd] == this) {
                loop.sockets[fd] = null;
            }
            // close(2) also takes the fd out of the epoll set: the port is free when this returns
            int rc = EpollNative.close(fd);
            if (rc < 0) {
                LOG.log(Level.FINE, "closing " + localAddress + ": " + EpollNative.strerror(-rc));
            }
            fd = -1;
        }
    }
}

package org.ngrelay.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The JNI entry points of {@code src/main/c/epoll_media.c}, and the loader of its library,
 * which the build puts on the class path as {@code META-INF/native/libngrelay_media_<arch>.so}.
 * Every call returns a negative errno on failure; nothing here throws on the hot path.
 */
final class EpollNative {

    /** Bytes before each record's payload in the batch buffer (see epoll_media.c). */
    static final int HEADER = 40;
    static final int MAX_DATAGRAM = 65536;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private static final String UNAVAILABLE = load();

    private EpollNative() {
    }

    /** Null when the library is loaded, else why it is not. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    private static String load() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return "not Linux (" + os + ")";
        }
        String arch = System.getProperty("os.arch", "");
        arch = arch.equals("amd64") ? "x86_64" : arch;
        String resource = "/META-INF/native/libngrelay_media_" + arch + ".so";
        try (InputStream in = EpollNative.class.getResourceAsStream(resource)) {
            if (in == null) {
                return resource + " is not on the class path (built without gcc?)";
            }
            // dlopen needs a file; once loaded the file can go, so nothing is left behind.
            Path file = Files.createTempFile("libngrelay_media", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(file);
            }
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return "cannot load " + resource + ": " + e;
        }
    }

    /** A loop's epoll set and wake-up eventfd, reading into {@code batch} (direct). */
    static native long create(ByteBuffer batch);

    static native void destroy(long loop);

    static native void wakeup(long loop);

    /** Waits, then reads one datagram from each ready socket into the batch; returns the record count. */
    static native int poll(long loop, int timeoutMs);

    static native int open(boolean ipv6, int tos);

    /** Returns the bound port. */
    static native int bind(int fd, boolean ipv6, long addressHigh, long addressLow, int port, int scope);

    static native int register(long loop, int fd, long token);

    static native int close(int fd);

    /** The memory address of a direct buffer. */
    static native long address(ByteBuffer direct);

    /** Sends {@code length} bytes at {@code address + position} (a direct buffer's memory). */
    static native int send(int fd, long address, int position, int length, boolean ipv6,
            long addressHigh, long addressLow, int port, int scope);

    static native String strerror(int errno);
}

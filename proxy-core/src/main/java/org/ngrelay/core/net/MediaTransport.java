package org.ngrelay.core.net;

import java.util.Locale;
import java.util.function.Function;

/**
 * Which {@link MediaLoop} carries the media. {@code auto} (the default) takes epoll through
 * ngrelay's JNI library where it loads, else the JDK selector; the system property
 * {@code ngrelay.media-transport} ({@code auto|epoll|nio}) chooses explicitly.
 */
public enum MediaTransport {
    /** ngrelay's JNI epoll loop ({@link EpollMediaLoop}). */
    EPOLL(EpollMediaLoop::new),
    /** The JDK selector ({@link NioMediaLoop}): portable, about 1 µs more CPU per packet. */
    NIO(NioMediaLoop::new);

    public static final String PROPERTY = "ngrelay.media-transport";

    private final Function<String, MediaLoop> factory;

    MediaTransport(Function<String, MediaLoop> factory) {
        this.factory = factory;
    }

    public MediaLoop newLoop(String name) {
        return factory.apply(name);
    }

    /** The transport named by {@code ngrelay.media-transport}, or the best available one. */
    public static MediaTransport configured() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    /** {@code auto}, {@code epoll} or {@code nio}; epoll when it is not available is an error. */
    public static MediaTransport parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return EpollMediaLoop.unavailableReason() == null ? EPOLL : NIO;
            case "epoll":
                String why = EpollMediaLoop.unavailableReason();
                if (why != null) {
                    throw new IllegalArgumentException("media transport epoll is not available: " + why);
                }
                return EPOLL;
            case "nio":
                return NIO;
            default:
                throw new IllegalArgumentException("unknown media transport '" + name + "' (auto, epoll or nio)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

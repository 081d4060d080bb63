package org.ngrelay.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * One media thread. The transport interface of the design notes: the relay and the calls code
 * against this, so another transport (Netty epoll, io_uring) can be put behind it and measured.
 */
public interface MediaLoop extends Executor {

    /** Binds a UDP socket to {@code local}; must be called on this loop. */
    MediaSocket open(InetSocketAddress local, int tos, PacketHandler handler) throws IOException;

    /** True when the calling thread is this loop's thread. */
    boolean inLoop();

    /** Runs {@code task} on the loop: at once when already there, otherwise queued. */
    default void run(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            execute(task);
        }
    }

    /** Registers a callback run about once a second on the loop with the current nanoTime. */
    void onTick(LongConsumer tick);

    /** Stops the thread and closes every socket still open on it. */
    void shutdown();

    String name();
}

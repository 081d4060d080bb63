package org.ngrelay.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.testing.UdpPeer;

@Timeout(20)
class NioMediaLoopTest {

    private static <T> T onLoop(MediaLoop loop, java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aClosedSocketsPortIsFreeAsSoonAsCloseReturns() throws Exception {
        NioMediaLoop loop = new NioMediaLoop("test-media");
        try {
            for (int i = 0; i < 50; i++) {
                int port = onLoop(loop, () -> {
                    MediaSocket s = loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (b, src, now) -> { });
                    int p = s.localAddress().getPort();
                    s.close();
                    return p;
                });
                try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                    assertThat(again.getLocalPort()).isEqualTo(port);
                }
            }
        } finally {
            loop.shutdown();
        }
    }

    /**
     * Closing a socket flushes the selector with selectNow, which also swallows a wakeup another
     * thread made meanwhile. Every later task must still run at once, not at the next tick (1 s):
     * before the fix, offers after a burst of deletes waited up to a second.
     */
    @Test
    void aTaskQueuedAfterASocketClosedWhileAnotherThreadWokeTheLoopRunsAtOnce() throws Exception {
        NioMediaLoop loop = new NioMediaLoop("test-media");
        try {
            for (int round = 0; round < 5; round++) {
                onLoop(loop, () -> {
                    MediaSocket s = loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (b, src, now) -> { });
                    // another thread wakes the loop while this task runs, then the close flushes the selector
                    Thread other = new Thread(() -> loop.execute(() -> { }));
                    other.start();
                    other.join();
                    s.close();
                    return null;
                });
                TimeUnit.MILLISECONDS.sleep(20); // let the loop go back to its blocking select
                long t0 = System.nanoTime();
                onLoop(loop, () -> null);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
            }
        } finally {
            loop.shutdown();
        }
    }

    @Test
    void receivesOnTheLoopAndSendsFromTheSameSocket() throws Exception {
        NioMediaLoop loop = new NioMediaLoop("test-media");
        try (UdpPeer peer = UdpPeer.bind("127.0.0.1")) {
            CompletableFuture<Boolean> onLoopThread = new CompletableFuture<>();
            MediaSocket[] holder = new MediaSocket[1];
            MediaSocket socket = onLoop(loop, () -> loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (buf, src, now) -> {
                onLoopThread.complete(loop.inLoop());
                ByteBuffer reply = ByteBuffer.wrap(new byte[] {9, 9});
                holder[0].send(reply, src); // echo back to the sender
            }));
            holder[0] = socket;
            peer.send(new byte[] {1, 2, 3}, socket.localAddress());
            UdpPeer.Received echo = peer.receive(Duration.ofSeconds(2));
            assertThat(onLoopThread.get(2, TimeUnit.SECONDS)).isTrue();
            assertThat(echo.data()).containsExactly(9, 9);
            assertThat(echo.from()).isEqualTo(socket.localAddress());
        } finally {
            loop.shutdown();
        }
    }
}

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

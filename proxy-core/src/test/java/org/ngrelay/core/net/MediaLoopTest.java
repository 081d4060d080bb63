package org.ngrelay.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ngrelay.core.testing.UdpPeer;

/** The transport contract, run on every {@link MediaTransport} (as Netty's testsuite runs per transport). */
@Timeout(20)
class MediaLoopTest {

    private static <T> T onLoop(MediaLoop loop, Callable<T> task) throws Exception {
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

    /** On Linux with gcc (this project's machines and CI) the JNI loop must be there, or its tests test nothing. */
    @Test
    void theEpollTransportIsBuiltAndLoadsHere() {
        assertThat(EpollMediaLoop.unavailableReason())
                .as("the JNI media loop is built by the native-epoll profile where /usr/bin/gcc is (apt-get install gcc)")
                .isNull();
        assertThat(MediaTransport.parse("auto")).isEqualTo(MediaTransport.EPOLL);
        assertThatThrownBy(() -> MediaTransport.parse("iouring")).hasMessageContaining("auto, epoll or nio");
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void aClosedSocketsPortIsFreeAsSoonAsCloseReturns(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
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

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void bindingAPortInUseFailsWithAnIOExceptionAndTheLoopGoesOn(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress busy = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            Throwable failure = onLoop(loop, () -> {
                try {
                    loop.open(busy, 0, (b, src, now) -> { });
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            assertThat(failure).isInstanceOf(java.net.BindException.class);
            MediaSocket ok = onLoop(loop, () -> loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (b, src, now) -> { }));
            assertThat(ok.localAddress().getPort()).isPositive();
        } finally {
            loop.shutdown();
        }
    }

    /**
     * Closing a socket may flush the selector (NIO: selectNow), which also swallows a wakeup
     * another thread made meanwhile. Every later task must still run at once, not at the next tick
     * (1 s): before the fix, offers after a burst of deletes waited up to a second.
     */
    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void aTaskQueuedAfterASocketClosedWhileAnotherThreadWokeTheLoopRunsAtOnce(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
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
                TimeUnit.MILLISECONDS.sleep(20); // let the loop go back to its blocking wait
                long t0 = System.nanoTime();
                onLoop(loop, () -> null);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
            }
        } finally {
            loop.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void receivesOnTheLoopAndSendsFromTheSameSocket(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        try (UdpPeer peer = UdpPeer.bind("127.0.0.1")) {
            CompletableFuture<Boolean> onLoopThread = new CompletableFuture<>();
            MediaSocket[] holder = new MediaSocket[1];
            MediaSocket socket = onLoop(loop, () -> loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (buf, src, now) -> {
                onLoopThread.complete(loop.inLoop());
                ByteBuffer reply = ByteBuffer.wrap(new byte[] {9, 9});
                holder[0].send(reply, src); // echo back to the sender, from a heap buffer
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

    /**
     * A relay between two sockets, as a call does it: the received buffer itself (position 0,
     * network order) is sent on; the source object stays the same while the sender does, and is a
     * new one when the sender changes; large datagrams and IPv6 come through whole.
     */
    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void relaysBetweenSocketsAndReportsEachSenderExactly(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        try (UdpPeer a1 = UdpPeer.bind("127.0.0.1"); UdpPeer a2 = UdpPeer.bind("127.0.0.1"); UdpPeer b = UdpPeer.bind("127.0.0.1")) {
            List<InetSocketAddress> sources = new CopyOnWriteArrayList<>();
            List<Integer> positions = new CopyOnWriteArrayList<>();
            MediaSocket[] out = new MediaSocket[1];
            MediaSocket in = onLoop(loop, () -> {
                out[0] = loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (buf, src, now) -> { });
                return loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (buf, src, now) -> {
                    sources.add(src);
                    positions.add(buf.position());
                    positions.add(buf.getShort(0) & 0xffff); // network byte order
                    out[0].send(buf, b.address());
                });
            });
            byte[] big = new byte[60_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            big[0] = (byte) 0x80;
            big[1] = 0x08;
            a1.send(big, in.localAddress());
            assertThat(b.receive(Duration.ofSeconds(2)).data()).isEqualTo(big);
            a1.send(new byte[] {(byte) 0x80, 0x00, 1}, in.localAddress());
            UdpPeer.Received second = b.receive(Duration.ofSeconds(2));
            assertThat(second.data()).containsExactly(0x80, 0x00, 1);
            assertThat(second.from()).isEqualTo(out[0].localAddress());
            a2.send(new byte[] {(byte) 0x80, 0x00, 2}, in.localAddress());
            assertThat(b.receive(Duration.ofSeconds(2)).data()).containsExactly(0x80, 0x00, 2);

            assertThat(sources).containsExactly(a1.address(), a1.address(), a2.address());
            assertThat(sources.get(1)).isSameAs(sources.get(0)); // cached while the sender stays
            assertThat(positions).containsExactly(0, 0x8008, 0, 0x8000, 0, 0x8000);
        } finally {
            loop.shutdown();
        }
    }

    /**
     * Two packets in one wake-up; the first one's handler closes the other socket and opens a new
     * one, which (on Linux) gets the closed socket's fd. The second packet was read for the closed
     * socket and must not reach the new one.
     */
    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void aPacketReadForASocketClosedInTheSameWakeUpReachesNoOtherSocket(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        try (UdpPeer peer = UdpPeer.bind("127.0.0.1")) {
            List<String> seen = new CopyOnWriteArrayList<>();
            MediaSocket[] pair = new MediaSocket[2];
            MediaSocket[] replacement = new MediaSocket[1];
            onLoop(loop, () -> {
                for (int i = 0; i < 2; i++) {
                    int me = i;
                    pair[i] = loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (buf, src, now) -> {
                        seen.add("pair" + me);
                        if (replacement[0] == null) {
                            pair[1 - me].close();
                            try {
                                replacement[0] = loop.open(new InetSocketAddress("127.0.0.1", 0), 0,
                                        (b, s, n) -> seen.add("replacement:" + b.get(0)));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
                }
                return null;
            });
            java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
            loop.execute(() -> {
                try {
                    sent.await(); // both datagrams are queued before the loop polls again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            peer.send(new byte[] {1}, pair[0].localAddress());
            peer.send(new byte[] {2}, pair[1].localAddress());
            TimeUnit.MILLISECONDS.sleep(50);
            sent.countDown();
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(seen).hasSize(1).allMatch(s -> s.startsWith("pair"));
            peer.send(new byte[] {3}, replacement[0].localAddress());
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(seen).hasSize(2).endsWith("replacement:3");
        } finally {
            loop.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void worksOverIpv6(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        try (UdpPeer peer = UdpPeer.bind("::1")) {
            List<InetSocketAddress> sources = new ArrayList<>();
            MediaSocket[] holder = new MediaSocket[1];
            holder[0] = onLoop(loop, () -> loop.open(new InetSocketAddress("::1", 0), 0x88, (buf, src, now) -> {
                sources.add(src);
                holder[0].send(buf, src);
            }));
            assertThat(holder[0].localAddress().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
            peer.send(new byte[] {7, 8, 9}, holder[0].localAddress());
            UdpPeer.Received echo = peer.receive(Duration.ofSeconds(2));
            assertThat(echo.data()).containsExactly(7, 8, 9);
            assertThat(echo.from()).isEqualTo(holder[0].localAddress());
            assertThat(onLoop(loop, () -> sources.get(0))).isEqualTo(peer.address());
        } finally {
            loop.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void shutdownClosesEverySocketAndLaterWakeupsAreHarmless(MediaTransport transport) throws Exception {
        MediaLoop loop = transport.newLoop("test-media");
        int port = onLoop(loop, () -> loop.open(new InetSocketAddress("127.0.0.1", 0), 0, (b, src, now) -> { })
                .localAddress().getPort());
        loop.shutdown();
        loop.execute(() -> { }); // after shutdown: must not touch a closed transport
        loop.shutdown();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}

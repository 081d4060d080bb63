package org.ngrelay.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpSuite;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRTP on one 172-byte PCMU packet in a direct buffer, as the media loop hands it: protect
 * (encrypt + tag) and then unprotect (check + decrypt) with the next sequence number each time,
 * so the receiver's replay window moves as in a call. {@code -prof gc} must show 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpBenchmark {

    /** One suite per family: AES-CM 128 and 256, GCM 128 and 256, f8, NULL. */
    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_256_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM",
        "F8_128_HMAC_SHA1_80", "NULL_HMAC_SHA1_80"})
    public String suite;

    private SrtpContext sender;
    private SrtpContext receiver;
    private final ByteBuffer packet = ByteBuffer.allocateDirect(2048);
    private int seq;

    @Setup
    public void setUp() {
        SrtpSuite s = SrtpSuite.valueOf(suite);
        byte[] master = new byte[s.masterBytes()];
        for (int i = 0; i < master.length; i++) {
            master[i] = (byte) (i * 7 + 1);
        }
        sender = new SrtpContext(s, master);
        receiver = new SrtpContext(s, master);
    }

    @Benchmark
    public int protectThenUnprotect() {
        packet.clear();
        packet.put((byte) 0x80).put((byte) 0).putShort((short) ++seq).putInt(seq * 160).putInt(0x11223344);
        while (packet.position() < 172) {
            packet.put((byte) 0xff);
        }
        packet.flip();
        int a = sender.protect(packet);
        int b = receiver.unprotect(packet);
        if (a != SrtpContext.OK || b != SrtpContext.OK) {
            throw new IllegalStateException("SRTP round trip failed: " + a + "/" + b + " at " + seq);
        }
        return packet.remaining();
    }
}

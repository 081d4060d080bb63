package org.ngrelay.bench.jmh;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;
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
 * The same round trip as {@link SrtpBenchmark} (one 172-byte PCMU packet, protect then unprotect,
 * next sequence number each time) through {@code org.jitsi:jitsi-srtp}'s transformer, the
 * candidate docs/srtp.md compares ngrelay's own SRTP with. jitsi-srtp works on a byte array (a
 * {@link ByteArrayBuffer}); the packet is kept in one, so only its own allocations are counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpBenchmarkJitsi {

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public String suite;

    private SrtpCryptoContext sender;
    private SrtpCryptoContext receiver;
    private final Packet packet = new Packet(new byte[2048]);
    private int seq;

    @Setup
    public void setUp() throws GeneralSecurityException {
        boolean gcm = suite.startsWith("AEAD");
        SrtpPolicy policy = gcm ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, 16, SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12)
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        byte[] key = new byte[16];
        byte[] salt = new byte[gcm ? 12 : 14];
        for (int i = 0; i < 16 + salt.length; i++) {
            if (i < 16) {
                key[i] = (byte) (i * 7 + 1);
            } else {
                salt[i - 16] = (byte) (i * 7 + 1);
            }
        }
        LoggerImpl logger = new LoggerImpl("bench", java.util.logging.Level.WARNING);
        sender = new SrtpContextFactory(true, key, salt, policy, policy, logger).deriveContext(0x11223344, 0);
        receiver = new SrtpContextFactory(false, key, salt, policy, policy, logger).deriveContext(0x11223344, 0);
    }

    @Benchmark
    public int protectThenUnprotect() throws GeneralSecurityException {
        byte[] b = packet.buffer;
        seq++;
        b[0] = (byte) 0x80;
        b[1] = 0;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        int ts = seq * 160;
        b[4] = (byte) (ts >>> 24);
        b[5] = (byte) (ts >>> 16);
        b[6] = (byte) (ts >>> 8);
        b[7] = (byte) ts;
        b[8] = 0x11;
        b[9] = 0x22;
        b[10] = 0x33;
        b[11] = 0x44;
        for (int i = 12; i < 172; i++) {
            b[i] = (byte) 0xff;
        }
        packet.offset = 0;
        packet.length = 172;
        SrtpErrorStatus a = sender.transformPacket(packet);
        SrtpErrorStatus c = receiver.reverseTransformPacket(packet, false);
        if (a != SrtpErrorStatus.OK || c != SrtpErrorStatus.OK) {
            throw new IllegalStateException("jitsi-srtp round trip failed: " + a + "/" + c + " at " + seq);
        }
        return packet.length;
    }

    /** A packet in a fixed array with room behind it, from {@code offset}: grow only checks. */
    static final class Packet implements ByteArrayBuffer {
        final byte[] buffer;
        int offset;
        int length;

        Packet(byte[] buffer) {
            this.buffer = buffer;
        }

        @Override
        public byte[] getBuffer() {
            return buffer;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int len) {
            length = len;
        }

        @Override
        public void setOffset(int off) {
            offset = off;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] out) {
            System.arraycopy(buffer, offset + off, out, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (offset + length + howMuch > buffer.length) {
                throw new IllegalStateException("packet buffer too small");
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buffer, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - len);
        }
    }
}

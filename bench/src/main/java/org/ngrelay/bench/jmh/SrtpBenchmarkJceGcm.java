package org.ngrelay.bench.jmh;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * What JCE's own AES/GCM costs per packet, the way SRTP would have to use it: a new IV (so a new
 * {@code GCMParameterSpec} and a {@code Cipher.init}) for every packet, AAD = the 12-byte header,
 * seal then open of the same 172-byte packet. The measurement behind ngrelay's own GHASH
 * (docs/srtp.md): this allocates per packet, ours does not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpBenchmarkJceGcm {

    @Param({"16", "32"})
    public int keyBytes;

    private Cipher encrypt;
    private Cipher decrypt;
    private SecretKeySpec key;
    private final byte[] packet = new byte[172 + 16];
    private final byte[] out = new byte[172 + 16];
    private final byte[] iv = new byte[12];
    private int seq;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] k = new byte[keyBytes];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (i * 7 + 1);
        }
        key = new SecretKeySpec(k, "AES");
        encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt = Cipher.getInstance("AES/GCM/NoPadding");
    }

    @Benchmark
    public int sealThenOpen() throws GeneralSecurityException {
        seq++;
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        for (int i = 12; i < 172; i++) {
            packet[i] = (byte) 0xff;
        }
        iv[10] = (byte) (seq >>> 8);
        iv[11] = (byte) seq;
        iv[9] = (byte) (seq >>> 16);
        encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        encrypt.updateAAD(packet, 0, 12);
        int sealed = encrypt.doFinal(packet, 12, 160, out, 12);
        decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        decrypt.updateAAD(packet, 0, 12);
        return decrypt.doFinal(out, 12, sealed, packet, 12);
    }
}

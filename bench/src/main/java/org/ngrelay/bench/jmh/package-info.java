/**
 * JMH benchmarks of ngrelay's hot paths, run on purpose and never in the test phase: the ng codec
 * on a typical Kamailio offer ({@link org.ngrelay.bench.jmh.BencodeBenchmark}), the SDP rewrite of
 * that offer ({@link org.ngrelay.bench.jmh.SdpBenchmark}) and the per-packet relay step of a
 * two-party call set up through the production {@code CallManager}
 * ({@link org.ngrelay.bench.jmh.RelayStepBenchmark}).
 *
 * <p>Owns the fixtures those need: the offer exactly as Kamailio 5.6 puts it on the wire
 * ({@link org.ngrelay.bench.jmh.KamailioOffer}), a {@code MediaLoop} that runs every task inline on
 * the calling thread and hands out sockets that only count their sends or send through a plain JDK
 * {@code DatagramChannel} ({@link org.ngrelay.bench.jmh.InlineMediaLoop}), and the call built on it
 * ({@link org.ngrelay.bench.jmh.BenchCall}).
 *
 * <p>Threads: everything here runs on the one JMH benchmark thread, which is also the "media
 * loop" of the calls it builds (so the one-call-one-thread rule of the media path holds). Every
 * fixture checks in its setup or teardown that the code under test really did its work (a relayed
 * packet left the peer socket, the SDP equals what {@code CallManager} answers), and throws if not.
 *
 * <p>Run (after {@code mvn -pl bench -am package -DskipTests}):
 * {@code java -cp bench/target/ngrelay-bench.jar org.openjdk.jmh.Main 'org.ngrelay.bench.jmh.*' -prof gc -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
package org.ngrelay.bench.jmh;

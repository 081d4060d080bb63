package org.ngrelay.core.quality;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The count-and-quality stage for RTCP of one media section: reads each compound packet the party
 * sends and keeps rtpengine 10.5's figures.
 *
 * <ul>
 * <li>An SR is remembered (its middle NTP bits and arrival) under its sender's SSRC.</li>
 * <li>A report block from Y about X is used only when it echoes an SR (LSR and DLSR not 0) and
 *     ngrelay sends Y RTP with SSRC X, whose payload type gives the clock rate for the jitter;
 *     otherwise rtpengine discards it ("No payload type known for RTCP RR").</li>
 * <li>Y's leg round-trip time is the report's arrival minus the SR's minus DLSR (kept when
 *     between 0 and 10 s); end to end it is that plus the opposite leg's last one (0 until that
 *     is known), or an XR VoIP metrics round-trip delay about Y when one came.</li>
 * <li>Every report used is sampled daemon-wide; its block is kept under Y's SSRC at most once a
 *     second.</li>
 * </ul>
 * Runs on the call's media loop only.
 */
public final class RtcpQuality implements RtcpListener {

    private static final Logger LOG = Logger.getLogger(RtcpQuality.class.getName());
    private static final long MAX_RTT_US = 10_000_000;

    private final QualityParty party;
    private long nowNs;

    public RtcpQuality(QualityParty party) {
        this.party = party;
    }

    /** Reads one compound packet; @return {@link Rtcp#OK} or the fault that ended the walk. */
    public int read(ByteBuffer packet, long nowNs) {
        this.nowNs = nowNs;
        return Rtcp.walk(packet, packet.position(), packet.remaining(), this);
    }

    @Override
    public void senderReport(long ssrc, long ntpMiddle) {
        party.ssrcs().get(ssrc, nowNs).senderReport(ntpMiddle, nowNs);
    }

    @Override
    public void referenceTime(long from, long ntpMiddle) {
        party.ssrcs().get(from, nowNs).referenceTime(ntpMiddle, nowNs);
    }

    @Override
    public void voipMetrics(long from, long about, int roundTripMs) {
        party.ssrcs().get(about, nowNs).lastRttXrMs = roundTripMs;
    }

    @Override
    public void dlrr(long from, long about, long lrr, long dlrr) {
        if (lrr == 0 || dlrr == 0 || party.payloadTypeTowards(about) < 0) {
            return;
        }
        SsrcEntry sender = opposite(about);
        if (sender != null) {
            legRtt(sender, sender.referenceTimeReceivedNs(lrr), dlrr);
        }
    }

    @Override
    public void reportBlock(long from, long about, int fractionLost, long cumulativeLost, long jitter, long lsr, long dlsr) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(party.logPrefix() + " RR from " + Long.toHexString(from) + " about " + Long.toHexString(about) + ": FL "
                    + fractionLost + " TL " + cumulativeLost + " J " + jitter + " LSR " + lsr + " DLSR " + dlsr);
        }
        int payloadType = -1;
        long legUs = 0;
        if (lsr != 0 && dlsr != 0) {
            payloadType = party.payloadTypeTowards(about);
            SsrcEntry sender = payloadType < 0 ? null : opposite(about);
            if (sender != null) {
                legUs = legRtt(sender, sender.senderReportReceivedNs(lsr), dlsr);
            }
        }
        SsrcEntry reporter = party.ssrcs().get(from, nowNs);
        if (payloadType < 0) {
            LOG.fine(() -> party.logPrefix() + " No payload type known for RTCP RR, discarding");
            return;
        }
        int clockRate = party.clockRate(payloadType);
        if (clockRate < 0) {
            int pt = payloadType;
            LOG.info(() -> party.logPrefix() + " Invalid RTP payload type " + pt + ", discarding RTCP RR");
            return;
        }
        long jitterMs = clockRate > 0 ? jitter * 1000 / clockRate : jitter;
        long e2eUs = reporter.lastRttUs != 0 ? legUs + reporter.lastRttUs : 0;
        if (reporter.lastRttXrMs > 0) {
            e2eUs = reporter.lastRttXrMs * 1000L;
        }
        int lossPercent = fractionLost * 100 / 256;
        QualitySamples samples = party.samples();
        samples.add(QualitySamples.JITTER, jitterMs);
        samples.add(QualitySamples.RTT_E2E, e2eUs);
        samples.add(QualitySamples.RTT_LEG, legUs);
        samples.add(QualitySamples.PACKET_LOSS, lossPercent);
        reporter.packetsLost = cumulativeLost;
        int mos = Mos.tenths(party.mosMode(), e2eUs, jitterMs, lossPercent);
        if (mos != 0) {
            samples.add(QualitySamples.MOS, mos);
            LOG.fine(() -> party.logPrefix() + " MOS from RR for " + Long.toHexString(from) + " is " + mos / 10.0);
        }
        if (reporter.keepsBlockAt(nowNs)) {
            reporter.add(new StatsBlock(mos, e2eUs, legUs, jitterMs, lossPercent, party.epochSec(nowNs), nowNs));
        }
    }

    /** The other party's entry for {@code ssrc}, where its SRs and reference times are. */
    private SsrcEntry opposite(long ssrc) {
        SsrcTable table = party.oppositeSsrcs();
        return table == null ? null : table.find(ssrc);
    }

    /** This leg's RTT against a report sent at {@code sentNs} (0: not kept), kept on the sender when valid. */
    private long legRtt(SsrcEntry sender, long sentNs, long delay) {
        if (sentNs == 0) {
            return 0;
        }
        long rttUs = (nowNs - sentNs) / 1000 - delay * 1_000_000L / 65536;
        if (rttUs <= 0 || rttUs > MAX_RTT_US) {
            LOG.fine(() -> party.logPrefix() + " Invalid RTT " + rttUs + " us, discarding");
            return 0;
        }
        sender.lastRttUs = rttUs;
        return rttUs;
    }
}

package org.ngrelay.core.call;

/**
 * Call-wide settings, under rtpengine's option names. Defaults are rtpengine 10.5's.
 *
 * @param timeoutSec       {@code --timeout}: no media on any stream of an answered call for this long ends it
 * @param silentTimeoutSec {@code --silent-timeout}: the same for calls whose media is one-way or on hold
 * @param finalTimeoutSec  {@code --final-timeout}: any call ends this long after it began (0 = never)
 * @param offerTimeoutSec  {@code --offer-timeout}: a call that never got an answer ends after this
 * @param deleteDelaySec   {@code --delete-delay}: how long a deleted call stays queryable
 * @param tos              {@code --tos}: IP TOS byte of media sockets (0 = leave alone)
 */
public record CallConfig(int timeoutSec, int silentTimeoutSec, int finalTimeoutSec, int offerTimeoutSec,
                         int deleteDelaySec, int tos) {

    public static final CallConfig DEFAULTS = new CallConfig(60, 3600, 0, 3600, 30, 0);

    public CallConfig withTimeoutSec(int sec) {
        return new CallConfig(sec, silentTimeoutSec, finalTimeoutSec, offerTimeoutSec, deleteDelaySec, tos);
    }

    public CallConfig withSilentTimeoutSec(int sec) {
        return new CallConfig(timeoutSec, sec, finalTimeoutSec, offerTimeoutSec, deleteDelaySec, tos);
    }

    public CallConfig withFinalTimeoutSec(int sec) {
        return new CallConfig(timeoutSec, silentTimeoutSec, sec, offerTimeoutSec, deleteDelaySec, tos);
    }

    public CallConfig withOfferTimeoutSec(int sec) {
        return new CallConfig(timeoutSec, silentTimeoutSec, finalTimeoutSec, sec, deleteDelaySec, tos);
    }

    public CallConfig withDeleteDelaySec(int sec) {
        return new CallConfig(timeoutSec, silentTimeoutSec, finalTimeoutSec, offerTimeoutSec, sec, tos);
    }
}

package org.ngrelay.core.call;

import java.util.Locale;

/** Why a call ended: rtpengine's {@code closed_sessions_total} reasons, plus one it does not count. */
public enum CloseReason {
    /** A new call refused by {@code --max-sessions} (it never existed). */
    REJECTED,
    TIMEOUT,
    SILENT_TIMEOUT,
    FINAL_TIMEOUT,
    OFFER_TIMEOUT,
    /** Ended by an ng {@code delete}. */
    TERMINATED,
    /** Ended by the operator ({@code rtpengine-ctl terminate}). */
    FORCE_TERMINATED,
    /** The first offer failed before the call held a port; not a managed session. */
    FAILED;

    /** rtpengine's label value ({@code silent_timeout}), also used in log lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

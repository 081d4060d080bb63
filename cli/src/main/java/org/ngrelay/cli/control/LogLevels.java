package org.ngrelay.cli.control;

import java.util.List;

/** The daemon's per-subsystem log levels, as {@code rtpengine-ctl list|set loglevel} sees them. */
public interface LogLevels {

    /** rtpengine's subsystem names, in its order. */
    List<String> names();

    /** What a subsystem covers ({@code list loglevels}). */
    String description(String name);

    /** The level of a subsystem; -1 is off. */
    int level(String name);

    /** {@code set loglevel N}: every subsystem. */
    void setAll(int level);

    /** {@code set loglevel NAME N}; false when no subsystem has that name. */
    boolean set(String name, int level);
}

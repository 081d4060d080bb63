package org.ngrelay.core.call;

/** The {@code ICE} key. Only removal is implemented; the others are answered with a warning. */
public enum IceMode {
    /** No ICE key: rtpengine would act as ICE agent; ngrelay removes ICE for now and warns. */
    DEFAULT,
    REMOVE,
    /** force, force-relay, optional...: not implemented yet, answered with a warning. */
    UNSUPPORTED
}

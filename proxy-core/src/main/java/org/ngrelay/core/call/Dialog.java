package org.ngrelay.core.call;

/** Which call, and which parties of it, a request is about. Tags may be null. */
public record Dialog(String callId, String fromTag, String toTag, String viaBranch) {

    public static Dialog of(String callId) {
        return new Dialog(callId, null, null, null);
    }
}

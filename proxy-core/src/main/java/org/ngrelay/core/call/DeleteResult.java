package org.ngrelay.core.call;

/**
 * @param warning rtpengine's warning for a delete that found nothing (the reply stays ok), or null
 * @param stats   the call's statistics at deletion when a from-tag was given, else null
 */
public record DeleteResult(String warning, CallSnapshot stats) {
}

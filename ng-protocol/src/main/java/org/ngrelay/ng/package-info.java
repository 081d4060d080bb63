/**
 * The ng protocol: a datagram is {@code COOKIE SP dictionary}; this package turns it into a typed
 * request, runs it against {@link org.ngrelay.core.call.CallManager}, and encodes the answer.
 * All knowledge of ng key spellings lives under this package and nowhere else.
 */
package org.ngrelay.ng;

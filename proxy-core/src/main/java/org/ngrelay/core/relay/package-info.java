/**
 * Reading packet headers in place: static accessors over a {@link java.nio.ByteBuffer} and an
 * offset, no objects per packet. Called on media loop threads only.
 */
package org.ngrelay.core.relay;

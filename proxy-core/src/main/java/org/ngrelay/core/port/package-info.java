/**
 * Local media ports: the {@code --port-min}..{@code --port-max} range of each interface, handed
 * out as even/odd RTP/RTCP pairs. Used from any loop thread; allocation is synchronised (control
 * path only, never per packet).
 */
package org.ngrelay.core.port;

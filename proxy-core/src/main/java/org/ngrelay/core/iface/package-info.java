/**
 * The local interfaces media is relayed on ({@code --interface=[NAME/]ADDR[!ADVERTISED]}), each
 * with its own port pool. Immutable after start-up; read from any thread.
 */
package org.ngrelay.core.iface;

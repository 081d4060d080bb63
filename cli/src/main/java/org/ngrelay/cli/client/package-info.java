/**
 * {@code ngrelay ng}: the command-line ng client (a richer {@code rtpengine-ng-client}). Runs on
 * the main thread of its own short-lived process; it shares nothing with the daemon but the
 * codecs of {@code ng-protocol}.
 */
package org.ngrelay.cli.client;

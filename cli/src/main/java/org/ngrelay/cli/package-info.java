/**
 * The {@code ngrelay} command: the daemon's options and ini config (rtpengine's names and
 * format), logging set-up, and the wiring of proxy-core, ng-protocol and recording. Runs on the
 * main thread at start-up and shut-down only.
 */
package org.ngrelay.cli;

/**
 * ng commands: the normalised request ({@link org.ngrelay.ng.command.NgRequest}), one handler per
 * command, and the reply dictionaries in rtpengine's shape. Handlers run on the control thread
 * and return futures completed on the call's media loop.
 */
package org.ngrelay.ng.command;

/** Test fixtures of the cli module: the packaged daemon as a process, and the external tools tests drive. */
package org.ngrelay.cli.testing;

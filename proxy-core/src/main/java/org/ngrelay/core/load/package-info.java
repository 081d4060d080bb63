/** rtpengine's load limits ({@code --max-load}, {@code --max-cpu}, {@code --max-bandwidth}): when new calls are refused. */
package org.ngrelay.core.load;

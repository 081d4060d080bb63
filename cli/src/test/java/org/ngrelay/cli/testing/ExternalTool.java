package org.ngrelay.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * A real program a slow test drives (promtool, rtpengine-ctl, kamailio, ...): found on the PATH,
 * else the test is skipped locally and fails under CI ({@code CI=true}), where {@code .ci/run}
 * installs every one of them.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The tool's path; aborts (skips) the test when it is missing, or fails it under CI. */
    public static String require(String tool, String debianPackage) {
        String path = which(tool);
        if (path == null) {
            assertThat(System.getenv("CI")).as(tool + " (Debian package " + debianPackage + ") must be installed in CI; .ci/run does it")
                    .isNull();
            Assumptions.abort(tool + " is not installed (apt-get install " + debianPackage + ")");
        }
        return path;
    }

    public static String which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/bin"}) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}

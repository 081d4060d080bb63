package org.ngrelay.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version} and at start-up. */
public final class Version implements IVersionProvider {

    static final String VERSION = versionOf();

    private static String versionOf() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ngrelay " + VERSION + " (ng protocol compatible with rtpengine 10.5)"};
    }
}

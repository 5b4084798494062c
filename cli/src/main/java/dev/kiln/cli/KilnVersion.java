package dev.kiln.cli;

import picocli.CommandLine;

/** Answers kiln's version, as the jar's manifest records it. */
final class KilnVersion implements CommandLine.IVersionProvider {
    static String version() {
        var version = Kiln.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kiln " + version(), "Java " + Runtime.version()};
    }
}

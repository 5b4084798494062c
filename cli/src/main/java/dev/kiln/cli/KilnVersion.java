package dev.kiln.cli;

import dev.kiln.effects.Effects;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.site.SiteBuild;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Answers kiln's version, as the jar's manifest records it. */
final class KilnVersion {
    private KilnVersion() {
    }

    static String version() {
        var version = Kiln.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * Answers what identifies this kiln for build traces: its version and, since a snapshot's
     * version stays the same while its code changes, the size and time of each of its jars.
     */
    static String fingerprint() {
        var identity = new StringBuilder();
        for (var kilnClass : List.of(Effects.class, TraceHandler.class, SiteBuild.class, Kiln.class)) {
            try {
                var location = Path.of(kilnClass.getProtectionDomain().getCodeSource().getLocation().toURI());
                identity.append('|').append(location.getFileName()).append(':').append(Files.size(location))
                        .append(':').append(Files.getLastModifiedTime(location).toMillis());
            } catch (IOException | URISyntaxException | RuntimeException e) {
                identity.append("|unknown");
            }
        }
        return version() + "+" + dev.kiln.effects.Bytes.utf8(identity.toString()).sha256().substring(0, 12);
    }
}

package dev.kiln.site;

/**
 * What a build is asked to do beyond the site's own settings.
 *
 * @param drafts whether pages marked {@code draft: true} are built
 * @since 0.1
 */
public record BuildOptions(boolean drafts) {
    /** Answers the options of a plain {@code kiln build}. */
    public static BuildOptions defaults() {
        return new BuildOptions(false);
    }
}

package dev.kiln.site;

/**
 * What a build is asked to do beyond the site's own settings.
 *
 * @param drafts whether pages marked {@code draft: true} are built
 * @param future whether pages dated in the future are built
 * @param strictLinks whether a link to a page or anchor that does not exist fails the build (else
 *     it is a warning)
 * @since 0.1
 */
public record BuildOptions(boolean drafts, boolean future, boolean strictLinks) {
    /** Answers the options of a plain {@code kiln build}. */
    public static BuildOptions defaults() {
        return new BuildOptions(false, false, true);
    }

    /** Answers these options with drafts built or not. */
    public BuildOptions withDrafts(boolean drafts) {
        return new BuildOptions(drafts, future, strictLinks);
    }

    /**
     * Written out as the record would write it, since a build's trace hashes it: the record's own is
     * bootstrapped through method handles on first use, in every build (bench/RESULTS.md, "Session 8").
     */
    @Override
    public String toString() {
        return "BuildOptions[drafts=" + drafts + ", future=" + future + ", strictLinks=" + strictLinks + "]";
    }
}

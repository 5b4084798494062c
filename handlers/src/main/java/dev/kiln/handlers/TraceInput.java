package dev.kiln.handlers;

import dev.kiln.effects.FileStamp;
import dev.kiln.effects.SitePath;
import java.util.Objects;

/**
 * One input a traced computation depended on, as recorded when it ran.
 *
 * @since 0.1
 */
public sealed interface TraceInput {

    /**
     * A file it read: its stamp when read (taken before the read, so a later change always shows)
     * and the hash of what it read.
     *
     * @param path the file
     * @param stamp its stamp, or null where the file had none (a theme file)
     * @param sha256 the hash of its content
     */
    record FileContent(SitePath path, FileStamp stamp, String sha256) implements TraceInput {
        // Written out rather than left to the record, as FileStamp's are: the record's own run
        // through method handles, slow until compiled, and a build that keeps its whole trace
        // compares tens of thousands of entries with the earlier trace's before the JIT has.
        @Override
        public boolean equals(Object other) {
            return other instanceof FileContent that && Objects.equals(that.path, path) && Objects.equals(that.stamp, stamp)
                    && Objects.equals(that.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(path) * 31 + Objects.hashCode(stamp)) * 31 + Objects.hashCode(sha256);
        }
    }

    /**
     * Whether a file existed when it asked (a layout looked for and not found is an input too).
     *
     * @param path the file
     * @param exists what the answer was
     */
    record Existence(SitePath path, boolean exists) implements TraceInput {
        // Written out rather than left to the record, as FileContent's are.
        @Override
        public boolean equals(Object other) {
            return other instanceof Existence that && Objects.equals(that.path, path) && that.exists == exists;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(path) * 31 + Boolean.hashCode(exists);
        }
    }

    /**
     * The files under a folder when it listed them.
     *
     * @param folder the folder
     * @param sha256 the hash of the listing
     */
    record Listing(SitePath folder, String sha256) implements TraceInput {
    }

    /**
     * Something that is never the same twice (the clock): the computation always runs again.
     *
     * @param what what it was, for explanations
     */
    record Volatile(String what) implements TraceInput {
    }

    /**
     * A moment that had not come when it asked ({@link dev.kiln.effects.IsPast}): the trace holds
     * until then (a page dated then joins the site).
     *
     * @param moment the moment
     */
    record Deadline(java.time.Instant moment) implements TraceInput {
    }
}

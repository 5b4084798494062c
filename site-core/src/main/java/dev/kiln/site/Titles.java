package dev.kiln.site;

import java.util.Locale;

/**
 * Titles made from file and folder names, for pages that have none of their own.
 *
 * @since 0.1
 */
public final class Titles {
    private Titles() {
    }

    /** Answers a readable title for a name: {@code getting-started} gives "Getting started". */
    public static String fromName(String name) {
        var words = name.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

package dev.kiln.site;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Titles made from file and folder names, for pages that have none of their own, and URL
 * segments made from titles (a taxonomy term's page).
 *
 * @since 0.1
 */
public final class Titles {
    /** What a page's slug, and each segment of a URL a page names, may be. */
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._~-]*");

    private Titles() {
    }

    /**
     * Answers whether a name can be a page's slug as it is: one URL segment of letters, digits,
     * '.', '_', '~' and '-', starting with a letter or digit.
     */
    public static boolean isSlug(String name) {
        return SLUG.matcher(name).matches();
    }

    /** Answers a readable title for a name: {@code getting-started} gives "Getting started". */
    public static String fromName(String name) {
        var words = name.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * Answers the URL segment of a name: lower case, accents dropped, every run of other characters
     * than letters and digits one dash ({@code "C++ & Java"} gives {@code c-java}); "-" for a name
     * with no letter or digit.
     */
    public static String urlize(String name) {
        var plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        var segment = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return segment.isEmpty() ? "-" : segment;
    }
}

package dev.kiln.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of the site's main menu.
 *
 * @param title what the menu shows
 * @param url where it leads: a site path ({@code /blog/}) or an absolute URL
 * @since 0.1
 */
public record MenuEntry(String title, String url) {
    public MenuEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }

    static List<MenuEntry> fromConfig(Object value, SiteConfig.Settings setting) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw setting.problem("menu", "'menu' must be a list of entries with a title and a url");
        }
        var entries = new ArrayList<MenuEntry>();
        for (var item : items) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("title") instanceof String title)
                    || !(map.get("url") instanceof String url)) {
                throw setting.problem("menu", "every 'menu' entry needs a 'title' and a 'url', as in "
                        + "'- {title: Blog, url: /blog/}'");
            }
            entries.add(new MenuEntry(title, url));
        }
        return entries;
    }
}

package kol.base;

import java.util.HashMap;
import java.util.Map;

/**
 * Kol's settings as read from the environment (or a map in tests). Values are parsed once and cached; a bad value
 * fails fast with a {@link SettingsException}. The declarations themselves live in {@link Knobs}.
 */
public final class Settings {
    private final Map<String, String> source;
    private final Map<Setting<?>, Object> parsed = new HashMap<>();

    private Settings(Map<String, String> source) {
        this.source = Map.copyOf(source);
    }

    /** Settings from the process environment. */
    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** Settings from an explicit map; unlisted settings take their defaults. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** The value of {@code setting}, parsed and validated. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Setting<T> setting) {
        return (T) parsed.computeIfAbsent(setting, s -> s.parse(source.get(s.env())));
    }

    /** Parses every declared setting, so a bad value stops start-up rather than a call. */
    public Settings validateAll() {
        for (Setting<?> setting : Knobs.all()) {
            get(setting);
        }
        return this;
    }

    /** A copy with {@code overrides} applied on top of this source. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(source);
        merged.putAll(overrides);
        return new Settings(merged);
    }
}

package kol.base;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting, declared once: its environment variable, default, allowed values and one line of meaning. The
 * README's settings table is checked against these declarations by a test, so the two cannot drift apart.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
    private final String env;
    private final String defaultText;
    private final String allowed;
    private final String meaning;
    private final Function<String, T> parser;

    private Setting(String env, String defaultText, String allowed, String meaning, Function<String, T> parser) {
        this.env = env;
        this.defaultText = defaultText;
        this.allowed = allowed;
        this.meaning = meaning;
        this.parser = parser;
    }

    /** An integer setting in {@code [min, max]}; {@code unit} is shown in the README (e.g. "ms", "frames"). */
    public static Setting<Integer> ofInt(String env, int def, int min, int max, String unit, String meaning) {
        String range = min + "–" + max + (unit.isEmpty() ? "" : " " + unit);
        return new Setting<>(env, Integer.toString(def), range, meaning, text -> {
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("is outside " + range);
            }
            return value;
        });
    }

    /** A true/false setting; accepts true/false, yes/no, on/off, 1/0 in any case. */
    public static Setting<Boolean> ofBool(String env, boolean def, String meaning) {
        return new Setting<>(env, Boolean.toString(def), "true/false", meaning, text -> {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1":
                    return true;
                case "false", "no", "off", "0":
                    return false;
                default:
                    throw new IllegalArgumentException("is not true or false");
            }
        });
    }

    /** A free-text setting; {@code def} may be empty (meaning "not set"). */
    public static Setting<String> ofString(String env, String def, String allowed, String meaning) {
        return new Setting<>(env, def, allowed, meaning, String::trim);
    }

    /** A setting whose value is one of {@code choices} (case-insensitive; the parsed value is lower case). */
    public static Setting<String> ofChoice(String env, String def, String meaning, String... choices) {
        String allowed = String.join(" / ", choices);
        return new Setting<>(env, def, allowed, meaning, text -> {
            String value = text.trim().toLowerCase(Locale.ROOT);
            for (String choice : choices) {
                if (choice.equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("is not one of " + allowed);
        });
    }

    public String env() {
        return env;
    }

    public String defaultText() {
        return defaultText;
    }

    public String allowed() {
        return allowed;
    }

    public String meaning() {
        return meaning;
    }

    /** Parses {@code raw} (null or blank means the default); a bad value names the variable, the value and the rule. */
    public T parse(String raw) {
        String text = raw == null || raw.isBlank() ? defaultText : raw;
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(env + "=" + Objects.toString(raw) + " " + e.getMessage()
                    + " (allowed: " + allowed + "; default " + defaultText + ")");
        }
    }

    @Override
    public String toString() {
        return env;
    }
}

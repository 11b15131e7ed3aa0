package kol.cli;

import java.util.concurrent.Callable;
import kol.base.Knobs;
import kol.base.Setting;
import kol.base.Settings;
import kol.base.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kol settings}: every setting with its default, or the values in force, or the README table. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Lists every setting (environment variable) with its default, allowed values and meaning; "
                + "checks the current environment's values.")
public final class SettingsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "Print the README's settings table.")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.print(markdownTable());
            return 0;
        }
        Settings settings = Settings.fromEnvironment();
        int bad = 0;
        for (Setting<?> setting : Knobs.all()) {
            String shown;
            try {
                Object value = settings.get(setting);
                shown = setting.env().contains("TOKEN") || setting.env().contains("KEY")
                        ? (String.valueOf(value).isEmpty() ? "(not set)" : "(set, hidden)") : String.valueOf(value);
            } catch (SettingsException e) {
                shown = "INVALID: " + e.getMessage();
                bad++;
            }
            System.out.printf("%-30s %s%n", setting.env(), shown);
        }
        return bad == 0 ? 0 : 2;
    }

    /** The settings table, one row per declared setting. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| Variable | Default | Allowed | Meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : Knobs.all()) {
            String def = setting.defaultText().isEmpty() ? "(empty)" : "`" + setting.defaultText() + "`";
            table.append("| `").append(setting.env()).append("` | ").append(def).append(" | ")
                    .append(setting.allowed()).append(" | ").append(setting.meaning().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }
}

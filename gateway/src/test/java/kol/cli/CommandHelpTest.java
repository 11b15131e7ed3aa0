package kol.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help text is a valid format string, as picocli reads it: a bare {@code %} makes picocli print a
 * warning above the help and show the text unformatted.
 */
class CommandHelpTest {

    @Test
    void everyHelpTextFormats() {
        List<String> texts = new ArrayList<>();
        collect(new CommandLine(new KolCommand()), texts);
        assertThat(texts).hasSizeGreaterThan(20);
        for (String text : texts) {
            assertThatCode(() -> String.format(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        String usage = new CommandLine(new KolCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String name : List.of("demo", "serve", "call", "gonogo", "bench", "settings")) {
            assertThat(usage).contains("  " + name + " ");
        }
    }

    private static void collect(CommandLine command, List<String> texts) {
        CommandSpec spec = command.getCommandSpec();
        texts.addAll(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, texts);
        }
    }
}

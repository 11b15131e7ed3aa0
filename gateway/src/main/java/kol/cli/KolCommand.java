package kol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kol} command line: the composition root's entry point. */
@Command(
        name = "kol",
        mixinStandardHelpOptions = true,
        version = "kol 0.1.0",
        description = "Kol: a real-time voice gateway for phone AI agents.",
        subcommands = {DemoCommand.class, ServeCommand.class, CallCommand.class, GoNoGoCommand.class,
                BenchCommand.class, SettingsCommand.class, CommandLine.HelpCommand.class})
public final class KolCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KolCommand()).execute(args));
    }
}

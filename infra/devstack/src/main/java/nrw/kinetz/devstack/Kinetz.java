package nrw.kinetz.devstack;

import nrw.kinetz.intake.push.PushCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kinetz}: run the platform locally and talk to it. */
@Command(name = "kinetz", mixinStandardHelpOptions = true,
        description = "KI-Netz NRW devstack: run the whole platform locally and talk to it.",
        subcommands = {UpCommand.class, BenchCommand.class, DemoCommand.class, TokenCommand.class, ApiKeyCommand.class, UsersCommand.class,
                MailsCommand.class, DltCommand.class, ReportCommand.class,
                PushCommand.class, CommandLine.HelpCommand.class})
public final class Kinetz implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Kinetz()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

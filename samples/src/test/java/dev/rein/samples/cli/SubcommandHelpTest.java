package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rein SUBCOMMAND --help} prints that subcommand's help, even where its required options are missing. */
class SubcommandHelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"train", "list", "describe", "check", "demo"})
    void everySubcommandPrintsItsOwnHelp(String subcommand) {
        for (String flag : new String[] {"--help", "-h"}) {
            CliRun run = CliRun.of(subcommand, flag);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("Usage: rein " + subcommand), run.out());
            assertTrue(run.out().contains("-h, --help"), run.out());
            assertEquals("", run.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "check"})
    void helpTellsTheOptionsThatMatterHere(String subcommand) {
        String help = CliRun.of(subcommand, "--help").out();
        assertTrue(help.contains(subcommand.equals("train") ? "--learning-rate=RATE" : "--time-limit=SECONDS"),
                help);
        if (subcommand.equals("train")) {
            assertTrue(help.replaceAll("\\s+", " ").contains("The step on the mean gradient of a mini-batch, the same"
                    + " at every --batch-size"), help);
        }
    }
}

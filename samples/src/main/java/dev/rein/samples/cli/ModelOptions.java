package dev.rein.samples.cli;

import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.UserInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The model options {@code rein train}, {@code rein sweep} and {@code rein compare} share: which model, and the
 * network's shape.
 *
 * <pre>{@code
 * rein sweep --model mlp --layers 64 --data /usr/share/datasets/fashion-mnist --spec "dropout(p=0.1..0.5 lin 3)"
 * }</pre>
 */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "KIND", defaultValue = "linear",
            description = "linear (default): Tribuo's linear SGD classifier; mlp: Rein's feed-forward network.")
    String model;

    @Option(names = "--layers", paramLabel = "WIDTHS", split = ",", defaultValue = "256,128",
            description = "With --model mlp: the hidden layers' widths (default ${DEFAULT-VALUE}).")
    int[] layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "With --model mlp: relu (default), tanh or sigmoid.")
    String activation;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The model, checked: the network's options given for the linear model are refused, so that a user who forgot
     * {@code --model mlp} is told rather than given a linear model.
     */
    ModelChoice choice() {
        ModelChoice choice = ModelChoice.parse(model, layers, activation);
        if (!choice.isNetwork()) {
            for (String option : new String[] {"--layers", "--activation"}) {
                if (command.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UserInputException(option + " shapes the network and goes only with --model mlp; add"
                            + " --model mlp, or leave " + option + " out to train the linear model.");
                }
            }
        }
        return choice;
    }
}

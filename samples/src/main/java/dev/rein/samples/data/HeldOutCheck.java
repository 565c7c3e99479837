package dev.rein.samples.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Checks a test or validation file against the training file: a label the training data lacks is refused (a model
 * cannot predict it, and Tribuo would fail deep inside with an index of -1); features the training data never showed
 * are counted for a warning (the model has no weight for them).
 *
 * <pre>{@code
 * HeldOutCheck check = new HeldOutCheck(trainingRows, trainingData, "--test");
 * check.labels(testRows);                      // DataFileException at the first row with an unknown label
 * check.features(testRows, testData);          // Optional["test.libsvm (--test): 2 features never seen ..."]
 * }</pre>
 */
final class HeldOutCheck {
    private static final int SHOWN = 8;

    private final ParsedRows training;
    private final MutableDataset<Label> trainingData;
    private final String option;

    HeldOutCheck(ParsedRows training, MutableDataset<Label> trainingData, String option) {
        this.training = training;
        this.trainingData = trainingData;
        this.option = option;
    }

    /** @throws DataFileException at the first row whose label the training data lacks */
    void labels(ParsedRows rows) {
        Set<Label> known = trainingData.getOutputs();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        int first = -1;
        List<Example<Label>> examples = rows.examples();
        for (int i = 0; i < examples.size(); i++) {
            Label label = examples.get(i).getOutput();
            if (!known.contains(label)) {
                unknown.merge(label.getLabel(), 1, Integer::sum);
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return;
        }
        int rowsAffected = unknown.values().stream().mapToInt(Integer::intValue).sum();
        String label = examples.get(first).getOutput().getLabel();
        TreeSet<String> trainingLabels = known.stream().map(Label::getLabel)
                .collect(Collectors.toCollection(TreeSet::new));
        throw DataFileException.at(rows.file(), rows.lines()[first], rows.labelColumns()[first], "label '" + label
                + "'", "the training data (" + training.file() + ") has no example of this label; its labels are "
                + shown(trainingLabels) + ". " + rowsAffected + " row" + (rowsAffected == 1 ? "" : "s") + " of this "
                + option + " file " + (rowsAffected == 1 ? "has a label" : "have labels") + " the training data lacks ("
                + quoted(unknown.keySet()) + "). A model predicts only the labels it was trained on: remove those"
                + " rows, or add examples of those labels to the training data.");
    }

    /** A warning about features the training data never showed, if the file has any. */
    Optional<String> features(ParsedRows rows, MutableDataset<Label> data) {
        List<String> parts = new ArrayList<>();
        if (rows.format() == DataFormat.CSV) {
            Set<String> missing = new LinkedHashSet<>(training.featureColumns());
            missing.removeAll(rows.featureColumns());
            if (!missing.isEmpty()) {
                parts.add("it lacks " + count(missing.size(), "feature column") + " of the training data ("
                        + quoted(missing) + "), which the model reads as 0");
            }
        }
        ImmutableFeatureMap known = trainingData.getFeatureIDMap();
        Set<String> unseen = new TreeSet<>(HeldOutCheck::numbersInOrder);
        int examplesWithUnseen = 0;
        for (Example<Label> example : data) {
            boolean any = false;
            for (Feature f : example) {
                if (known.getID(f.getName()) < 0) {
                    unseen.add(f.getName());
                    any = true;
                }
            }
            if (any) {
                examplesWithUnseen++;
            }
        }
        if (!unseen.isEmpty()) {
            boolean one = unseen.size() == 1;
            parts.add(count(unseen.size(), "feature") + " never seen in the training data (" + shown(unseen)
                    + (one ? ") occurs in " : ") occur in ") + examplesWithUnseen + " of its " + data.size()
                    + " examples; the model has no weight for " + (one ? "it and ignores it" : "them and ignores them"));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.file() + " (" + option + "): " + String.join("; ", parts) + ".");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Feature names in order, LibSVM's numbered ones by their number (so 9 before 10), then the others. */
    private static int numbersInOrder(String a, String b) {
        boolean numberA = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean numberB = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (numberA && numberB && a.length() != b.length()) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : a.compareTo(b);
        }
        return numberA != numberB ? (numberA ? -1 : 1) : a.compareTo(b);
    }

    private static String shown(Set<String> values) {
        List<String> first = values.stream().limit(SHOWN).collect(Collectors.toList());
        return String.join(", ", first) + (values.size() > SHOWN ? ", ... (" + values.size() + " in all)" : "");
    }

    private static String quoted(Set<String> values) {
        return values.stream().limit(SHOWN).map(v -> "'" + v + "'").collect(Collectors.joining(", "))
                + (values.size() > SHOWN ? ", ... (" + values.size() + " in all)" : "");
    }
}

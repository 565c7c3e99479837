package dev.rein.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * {@link DataFiles} as {@code rein train} uses it: every file is written by the test, every refusal is asserted by
 * its file, line and column, and after each one nothing on disk has changed.
 */
class DataFilesTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private DataFiles files;

    @BeforeEach
    void files() {
        files = new DataFiles("label", warnings::add);
    }

    // --- CSV read correctly ---

    @Test
    void readsCsvWithTheNamedLabelColumnAnywhereAndKeepsZeros() throws IOException {
        Path csv = write("d.csv", "a,y,b\n1,pos,0\n0,neg,1\n2.5e-1,pos,-3\n");
        MutableDataset<Label> data = new DataFiles("y").loadTraining(csv);
        assertEquals(3, data.size());
        assertEquals(2, data.getOutputInfo().size());
        assertEquals(List.of("a=1.0", "b=0.0"), features(data.getExample(0)));
        assertEquals(List.of("a=0.25", "b=-3.0"), features(data.getExample(2)));
        assertEquals("pos", data.getExample(2).getOutput().getLabel());
    }

    @Test
    void aByteOrderMarkIsSkippedNotReadIntoTheFirstName() throws IOException {
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, ("\uFEFFx,label\n1,a\n2,b\n").getBytes(StandardCharsets.UTF_8));
        MutableDataset<Label> data = files.loadTraining(csv);
        assertEquals(List.of("x=1.0"), features(data.getExample(0)));

        Path libsvm = dir.resolve("bom.libsvm");
        Files.write(libsvm, ("\uFEFF0 1:1\n1 2:1\n0 1:2\n").getBytes(StandardCharsets.UTF_8));
        MutableDataset<Label> sparse = new DataFiles("label").loadTraining(libsvm);
        assertEquals(2, sparse.getOutputInfo().size(), "labels 0 and 1, not a third '\\ufeff0'");
    }

    @Test
    void quotedCsvValuesMayHoldCommasAndQuotes() throws IOException {
        Path csv = write("q.csv", "\"x\",\"the, label\"\n 1.5 ,\"say \"\"hi\"\"\"\n2,b\n");
        MutableDataset<Label> data = new DataFiles("the, label").loadTraining(csv);
        assertEquals("say \"hi\"", data.getExample(0).getOutput().getLabel());
        assertEquals(List.of("x=1.5"), features(data.getExample(0)));
    }

    @Test
    void blankLinesAndWindowsLineEndsAreFine() throws IOException {
        Path csv = write("w.csv", "x,label\r\n1,a\r\n\r\n2,b\r\n");
        assertEquals(2, files.loadTraining(csv).size());
    }

    // --- CSV refused, each with its place ---

    @Test
    void aRepeatedColumnNameIsRefusedAtItsSecondColumn() throws IOException {
        assertRefused(write("dup.csv", "x,y,x,label\n1,2,3,a\n"), 1, 5, "the column name 'x' is used twice"
                + " (columns 1 and 3); give every column a name of its own.");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws IOException {
        assertRefused(write("header.csv", "x,label\n"), 0, 0, "the file has a header row but no examples. Add one"
                + " row per example below the header, with a value for each of its 2 columns.");
    }

    @Test
    void aHeaderWithOnlyTheLabelIsRefused() throws IOException {
        assertRefused(write("label-only.csv", "label\na\nb\n"), 1, 0, "the header has only the label column"
                + " 'label'. A CSV file needs at least one feature column besides the label, e.g. x1,x2,label.");
    }

    @Test
    void aMissingCellIsRefusedWithItsColumnName() throws IOException {
        assertRefused(write("gap.csv", "x0,x1,label\n1,2,a\n1.5,,b\n"), 3, 5, "(column 'x1'): the value is"
                + " missing; every column but the label holds finite numbers such as 0.5, -3 or 1e-4 (write 0 for"
                + " zero).");
    }

    @Test
    void aWordWhereANumberBelongsIsRefused() throws IOException {
        assertRefused(write("word.csv", "x0,x1,label\n1,2,a\n3,x,b\n"), 3, 3, "(column 'x1'): 'x' is not a number;"
                + " every column but the label holds finite numbers such as 0.5, -3 or 1e-4.");
    }

    @Test
    void nanAndInfinityAreRefused() throws IOException {
        assertRefused(write("nan.csv", "x0,label\n1,a\nNaN,b\n"), 3, 1, "(column 'x0'): 'NaN' is not a finite"
                + " number");
        assertRefused(write("inf.csv", "x0,x1,label\n1,-Infinity,a\n"), 2, 3, "(column 'x1'): '-Infinity' is not a"
                + " finite number");
        assertRefused(write("big.csv", "x0,label\n1e999,a\n"), 2, 1, "'1e999' is too large for a double");
        assertRefused(write("hex.csv", "x0,label\n1d,a\n"), 2, 1, "'1d' is not a number");
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() throws IOException {
        assertRefused(write("short.csv", "x0,x1,label\n1,2,a\n1,b\n"), 3, 0, "the row has 2 values but the header"
                + " has 3 columns (x0, x1, label); every row needs one value per column.");
    }

    @Test
    void aMissingLabelIsRefused() throws IOException {
        assertRefused(write("nolabel.csv", "x0,label\n1,a\n2, \n"), 3, 3, "(column 'label'): the label is missing;"
                + " every row needs a label.");
    }

    @Test
    void anEmptyFileAndACommentAreRefused() throws IOException {
        assertRefused(write("empty.csv", ""), 0, 0, "the file is empty. A CSV file needs a header row naming its"
                + " columns (e.g. x1,x2,label) and then one row per example.");
        assertRefused(write("blank.csv", "\n\n  \n"), 0, 0, "the file is empty.");
        assertRefused(write("comment.csv", "x,label\n# made by hand\n1,a\n"), 2, 1, "the line is a comment; CSV"
                + " files have no comment lines: delete it.");
    }

    @Test
    void anUnclosedQuoteIsRefused() throws IOException {
        assertRefused(write("quote.csv", "x,label\n1,\"a\n"), 2, 3, "a quoted value is never closed");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLine() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "x,label\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(latin1, 2, 6, "the line is not UTF-8 text (byte 0xE9 here). Save the file as UTF-8");
    }

    @Test
    void csvWithoutTheLabelColumnNamesTheColumnsItHas() throws IOException {
        assertRefused(write("d.csv", "a,b,y\n1,0,pos\n"), 1, 0, "the header has no column 'label'; its columns are"
                + " a, b, y. Name the label column with --label-column.");
    }

    // --- libsvm ---

    @Test
    void readsLibsvmNamingFeaturesByTheirIndexAsWritten() throws IOException {
        Path file = write("d.libsvm", "1 3:0.5 12:1\n-1 003:2\t7:-1e-3\n1 2147483647:1\n");
        MutableDataset<Label> data = files.loadTraining(file);
        assertEquals(3, data.size());
        assertEquals(List.of("12=1.0", "3=0.5"), features(data.getExample(0)));
        assertEquals(List.of("3=2.0", "7=-0.001"), features(data.getExample(1)));
        assertEquals(4, data.getFeatureMap().size(), "one weight per distinct index, however large");
    }

    @Test
    void libsvmProblemsAreRefusedWithLineColumnAndIndex() throws IOException {
        assertRefused(write("neg.libsvm", "1 1:1\n0 -2:0.5\n"), 2, 3, "index -2 is negative; indices are whole"
                + " numbers from 0 (libsvm files usually count from 1).");
        assertRefused(write("dup.libsvm", "1 4:1 9:2 4:3\n"), 1, 11, "(index 4): the index is given twice on this"
                + " line (first at column 3); give each index once.");
        assertRefused(write("nan.libsvm", "1 1:1\n0 3:nan\n"), 2, 3, "(index 3): 'nan' is not a finite number;"
                + " values are finite numbers such as 0.5, -3 or 1e-4.");
        assertRefused(write("pair.libsvm", "1 3:0.5 x:y\n"), 1, 9, "'x:y' is not index:value. Each line is label"
                + " index:value index:value ..., e.g. '1 3:0.5 12:1', the index a whole number.");
        assertRefused(write("huge.libsvm", "1 3000000000:1\n"), 1, 3, "index 3000000000 is larger than 2147483647,"
                + " the largest index Rein reads.");
        assertRefused(write("nolabel.libsvm", "3:1 4:2\n"), 1, 1, "the line starts with '3:1', not a label.");
    }

    @Test
    void aLibsvmLineWithoutFeaturesIsRefusedAndACsvLookingOneSaysSo() throws IOException {
        assertRefused(write("bare.libsvm", "1 2:1\n0\n"), 2, 0, "the example (label '0') has no index:value pairs."
                + " Each line is label index:value index:value ..., e.g. '1 3:0.5 12:1'; Tribuo cannot train on an"
                + " example without features, so give at least one (an explicit zero such as '1:0' will do).");
        assertRefused(write("table.txt", "1,2,a\n"), 1, 0, "the line looks like CSV: a CSV file must be named"
                + " *.csv.");
    }

    @Test
    void libsvmCommentsAndEmptyFilesAreRefused() throws IOException {
        assertRefused(write("comment.libsvm", "# exported by hand\n1 1:1\n"), 1, 1, "'#' starts a comment; libsvm"
                + " files have no comments: delete it.");
        assertRefused(write("tail.libsvm", "1 1:1 # note\n"), 1, 7, "'#' starts a comment");
        assertRefused(write("empty.libsvm", ""), 0, 0, "the file is empty. A libsvm file holds one example per"
                + " line: label index:value index:value ..., e.g. '1 3:0.5 12:1'. A CSV file must be named *.csv.");
    }

    @Test
    void missingFileSaysWhichOptionAndWhatIsAccepted() {
        Path missing = dir.resolve("nope.libsvm");
        DataFileException e = assertThrows(DataFileException.class, () -> files.loadTraining(missing));
        assertEquals(missing + ": the file given to --data does not exist. Give a CSV file (named *.csv, with a"
                + " header row) or a libsvm file (label index:value index:value ..., e.g. '1 3:0.5 12:1'), or a folder"
                + " of the four MNIST-format IDX files.", e.getMessage());
    }

    // --- held-out files against the training file ---

    @Test
    void aTestLabelTheTrainingDataLacksIsRefusedWithItsLineAndColumn() throws IOException {
        Path train = write("train.csv", "x,label\n1,a\n2,b\n");
        Path test = write("test.csv", "x,label\n1,a\n2,c\n3,c\n4,d\n");
        files.loadTraining(train);
        DiskState before = DiskState.of(dir);
        DataFileException e = assertThrows(DataFileException.class, () -> files.loadHeldOut(test, "--test"));
        assertEquals(test, e.file());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals(test + ", line 3, column 3 (label 'c'): the training data (" + train + ") has no example of"
                + " this label; its labels are a, b. 3 rows of this --test file have labels the training data lacks"
                + " ('c', 'd'). A model predicts only the labels it was trained on: remove those rows, or add"
                + " examples of those labels to the training data.", e.getMessage());
        assertEquals(before, DiskState.of(dir));
    }

    @Test
    void featuresTheTrainingDataNeverShowedAreCountedInAWarning() throws IOException {
        files.loadTraining(write("train.libsvm", "1 1:1 2:1\n0 2:1\n"));
        MutableDataset<Label> test = files.loadHeldOut(write("test.libsvm", "1 1:1 9:1\n0 2:1\n1 8:1 9:2\n"),
                "--validation");
        assertEquals(3, test.size());
        assertEquals(List.of(dir.resolve("test.libsvm") + " (--validation): 2 features never seen in the training"
                + " data (8, 9) occur in 2 of its 3 examples; the model has no weight for them and ignores them."),
                warnings);
    }

    @Test
    void unseenNumberedFeaturesAreListedByTheirNumber() throws IOException {
        // found by a user: ids were listed in text order (100001, 100017, ..., 99, 9)
        files.loadTraining(write("train.libsvm", "1 1:1 2:1\n0 2:1\n"));
        files.loadHeldOut(write("test.libsvm", "1 100:1 9:1\n0 10:1 1000:1\n"), "--test");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("4 features never seen in the training data (9, 10, 100, 1000)"),
                warnings.get(0));
    }

    @Test
    void aCsvTestFileWithOtherColumnsIsWarnedAbout() throws IOException {
        files.loadTraining(write("train.csv", "x,y,label\n1,2,a\n3,4,b\n"));
        files.loadHeldOut(write("test.csv", "x,z,label\n1,2,a\n"), "--test");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("it lacks 1 feature column of the training data ('y'), which the"
                + " model reads as 0; 1 feature never seen in the training data (z) occurs in 1 of its 1 examples; the model has no"
                + " weight for it and ignores it."), warnings.get(0));
    }

    @Test
    void aHeldOutFileInTheOtherFormatIsRefused() throws IOException {
        files.loadTraining(write("train.csv", "x,label\n1,a\n2,b\n"));
        Path test = write("test.libsvm", "a 1:1\n");
        DataFileException e = assertThrows(DataFileException.class, () -> files.loadHeldOut(test, "--test"));
        assertEquals(test + ": the file given to --test is libsvm but the training file "
                + dir.resolve("train.csv") + " is CSV (the format follows the name: *.csv is CSV, anything else"
                + " libsvm). Give both in one format.", e.getMessage());
    }

    @Test
    void aSingleLabelIsReadButWarnedAbout() throws IOException {
        Path train = write("one.csv", "x,label\n1,yes\n2,yes\n");
        assertEquals(2, files.loadTraining(train).size());
        assertEquals(List.of(train + " (--data) holds a single label, 'yes', so the model will predict 'yes' for"
                + " every example. Add examples of the other labels to learn to tell them apart."), warnings);
    }

    @Test
    void longLoadsReportProgressUpToTheEnd() throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 200_000; i++) {
            text.append(i % 97).append(".125,").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path big = write("big.csv", text.toString());
        List<Double> seen = new ArrayList<>();
        files.loadTraining(big, seen::add);
        assertTrue(seen.size() >= 2, "a 2.6 MB file reports at each megabyte and at the end: " + seen);
        assertEquals(1.0, seen.get(seen.size() - 1), 0.0);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), seen.toString());
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The file is refused at {@code line} and {@code column} with a message ending in {@code problem}. */
    private void assertRefused(Path file, int line, int column, String problem) {
        DiskState before = DiskState.of(dir);
        DataFileException e = assertThrows(DataFileException.class, () -> new DataFiles("label").loadTraining(file));
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        String place = file + (line > 0 ? ", line " + line : "") + (column > 0 ? ", column " + column : "");
        assertTrue(e.getMessage().startsWith(place), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in\n" + e.getMessage());
        assertEquals(before, DiskState.of(dir), "nothing on disk changed");
    }

    private static List<String> features(Example<Label> example) {
        List<String> out = new ArrayList<>();
        for (Feature f : example) {
            out.add(f.getName() + "=" + f.getValue());
        }
        return out;
    }
}

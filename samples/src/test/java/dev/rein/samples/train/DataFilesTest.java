package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsCsvWithTheNamedLabelColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,0,pos\n0,1,neg\n2,2,pos\n");
        MutableDataset<Label> data = new DataFiles("y").loadTraining(csv);
        assertEquals(3, data.size());
        assertEquals(2, data.getOutputInfo().size());
    }

    @Test
    void csvWithoutTheLabelColumnNamesTheColumnsItHas() throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,0,pos\n");
        UserInputException e = assertThrows(UserInputException.class, () -> new DataFiles("label").loadTraining(csv));
        assertEquals("CSV file '" + csv + "' has no column 'label'; its columns are a, b, y. Name the label column"
                + " with --label-column.", e.getMessage());
    }

    @Test
    void missingFileSaysWhichOptionAndWhatIsAccepted() {
        Path missing = dir.resolve("nope.libsvm");
        UserInputException e = assertThrows(UserInputException.class, () -> new DataFiles("label").loadTraining(missing));
        assertEquals("Data file '" + missing + "' (--data) does not exist. Give a CSV file (.csv, with a header row)"
                + " or a libsvm file (label index:value ...).", e.getMessage());
    }

    @Test
    void malformedLibsvmIsReportedWithTheFileAndTheFormat() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1 3:0.5 x:y\n");
        UserInputException e = assertThrows(UserInputException.class, () -> new DataFiles("label").loadTraining(bad));
        assertTrue(e.getMessage().startsWith("Could not read '" + bad + "' as libsvm (each line: label index:value"),
                e.getMessage());
    }

    @Test
    void libsvmTestFileSharesTheTrainingFeatureNumbering() throws IOException {
        Path train = Files.writeString(dir.resolve("train.libsvm"), "1 1:0.5 12:1\n0 3:2\n");
        Path test = Files.writeString(dir.resolve("test.libsvm"), "1 1:1\n");
        DataFiles files = new DataFiles("label");
        MutableDataset<Label> trainData = files.loadTraining(train);
        MutableDataset<Label> testData = files.loadTest(test);
        String trainName = trainData.getExample(0).iterator().next().getName();
        String testName = testData.getExample(0).iterator().next().getName();
        assertEquals(trainName, testName);
    }
}

package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell commands, run as written by {@code docs/readme-check.sh} in a copy of the working tree: every
 * command but the Maven builds, whose results (the executable jar and the example plugin's jar) this build has just
 * made. A README edit that breaks a command, or a command whose output changed into an error, fails here.
 */
class ReadmeIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void everyShellCommandOfTheReadmeRuns() throws IOException, InterruptedException {
        Path out = tmp.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("docs/readme-check.sh").toString(),
                "--working-tree", "--skip-builds")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("REIN_PLUGIN_JAR", Path.of(System.getProperty("rein.externalPluginJar",
                "target/it/external-plugin/target/cauchy-regularizer-1.0.0.jar")).toAbsolutePath().toString());
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("readme-check.sh did not end within 5 minutes:\n" + Files.readString(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("readme-check: every command of README.md ran"), output);

        // Each command was run, or skipped as a build; and only Maven commands were skipped.
        for (String command : readmeCommands()) {
            boolean build = command.matches("(^|.*[(;&| ])mvn .*");
            String expected = (build ? "readme-check: skipped (a build): " : "readme-check: $ ") + command;
            assertTrue(output.contains(expected + "\n"), "missing: " + expected + "\n" + output);
        }
        assertTrue(output.matches("(?s).*\\ncauchy +penalty +my-plugins/cauchy-regularizer-1\\.0\\.0\\.jar .*"), output);
        assertTrue(output.contains("cauchy: all checks passed"), output);
        assertTrue(output.contains("saved model     model.tribuo"), output);
    }

    /** The README's sh blocks, one command a line, continuation lines joined as the script joins them. */
    private static List<String> readmeCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(Files.readString(ROOT.resolve("README.md")));
        while (block.find()) {
            String pending = "";
            for (String line : block.group(1).split("\n")) {
                if (line.endsWith("\\")) {
                    pending += line.substring(0, line.length() - 1);
                    continue;
                }
                String command = pending + line;
                pending = "";
                if (!command.isBlank()) {
                    commands.add(command);
                }
            }
        }
        assertTrue(commands.size() >= 8, commands.toString());
        return commands;
    }
}

package org.ngrelay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.cli.testing.ExternalTool;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option the installed rtpengine (Debian's 10.5) lists in {@code --help} is one of ngrelay's,
 * with the same short form and the same need for a value, in every spelling rtpengine takes:
 * {@code --name=value}, {@code --name value}, {@code -x value}, {@code -xvalue} and as a key of the
 * config file. So neither the option table nor docs/compatibility.md can drift from 10.5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class RtpengineOptionsTest {

    /** {@code  -t, --table=INT   Kernel table to use} or {@code  --split-logs   ...}. */
    private static final Pattern HELP_LINE = Pattern.compile("^\\s+(?:-([A-Za-z]), )?--([a-z0-9-]+)(=\\S+)?\\s");
    /** Actions, not settings: not in the config file. */
    private static final Set<String> NOT_IN_CONFIG = Set.of("help", "version", "codecs", "config-file", "config-section");

    /** rtpengine's options: long name to short name (or null). */
    private final Map<String, String> shortNames = new LinkedHashMap<>();
    /** The values of the every-option config file, which also serve as valid values here. */
    private Map<String, String> values;

    private Path conf;

    @BeforeAll
    void readRtpenginesHelp() throws IOException, InterruptedException {
        String rtpengine = ExternalTool.require("rtpengine", "rtpengine-daemon");
        Process p = new ProcessBuilder(rtpengine, "--help").redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (String line : help.split("\n")) {
            Matcher m = HELP_LINE.matcher(line);
            if (m.find()) {
                shortNames.put(m.group(2), m.group(1));
            }
        }
        assertThat(shortNames).as("options in rtpengine --help").hasSizeGreaterThan(120).containsKeys("listen-ng", "log-level-internals");
        conf = Files.createTempFile("every-option", ".conf");
        conf.toFile().deleteOnExit();
        try (InputStream in = getClass().getResourceAsStream("/options/rtpengine-10.5-every-option.conf")) {
            // placeholders (filled by EveryOptionIT with real ports and files) get values that parse
            Files.writeString(conf, placeholdersFilled(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        values = IniConfig.read(conf, "rtpengine");
    }

    @Test
    void everyOptionIsOneOfNgrelaysWithRtpenginesShortFormAndArity() {
        CommandLine cli = new CommandLine(new DaemonCommand());
        List<String> problems = new ArrayList<>();
        shortNames.forEach((name, shortName) -> {
            OptionSpec option = cli.getCommandSpec().findOption("--" + name);
            if (option == null) {
                problems.add("--" + name + " is not an option");
                return;
            }
            if (shortName != null && cli.getCommandSpec().findOption("-" + shortName) != option) {
                problems.add("-" + shortName + " is not --" + name);
            }
            if (!NOT_IN_CONFIG.contains(name) && !values.containsKey(name)) {
                problems.add(name + " is missing from rtpengine-10.5-every-option.conf");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void docsCompatibilityHasARowForEveryOption() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("../docs/compatibility.md"));
        List<String> missing = new ArrayList<>();
        for (String name : shortNames.keySet()) {
            if (rows.stream().noneMatch(r -> r.startsWith("| `--" + name + "`"))) {
                missing.add("--" + name);
            }
        }
        assertThat(missing).as("options without a row in docs/compatibility.md's option table").isEmpty();
    }

    @Test
    void everyOptionParsesInEverySpelling() {
        List<String> problems = new ArrayList<>();
        shortNames.forEach((name, shortName) -> {
            OptionSpec option = new CommandLine(new DaemonCommand()).getCommandSpec().findOption("--" + name);
            if (option == null) {
                return; // reported by the test above
            }
            boolean flag = option.arity().max() == 0;
            String value = values.getOrDefault(name, "1");
            if (!flag && value.contains(";")) {
                value = value.substring(0, value.indexOf(';'));
            }
            List<String[]> spellings = new ArrayList<>();
            if (flag) {
                spellings.add(new String[] {"--" + name});
                if (shortName != null) {
                    spellings.add(new String[] {"-" + shortName});
                }
            } else {
                spellings.add(new String[] {"--" + name + "=" + value});
                spellings.add(new String[] {"--" + name, value});
                if (shortName != null) {
                    spellings.add(new String[] {"-" + shortName, value});
                    spellings.add(new String[] {"-" + shortName + value});
                }
            }
            for (String[] args : spellings) {
                try {
                    new CommandLine(new DaemonCommand()).parseArgs(args);
                } catch (CommandLine.ParameterException e) {
                    problems.add(String.join(" ", args) + ": " + e.getMessage());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    private static String placeholdersFilled(String text) {
        return text.replace("@PORT_MIN@", "30000").replace("@PORT_MAX@", "30099")
                .replaceAll("@[A-Z_]*PORT@", "2223").replaceAll("@[A-Z]+@", "/tmp");
    }

    @Test
    void theConfigFileTakesEveryOption() {
        CommandLine cli = new CommandLine(new DaemonCommand());
        List<String> merged = new ArrayList<>();
        assertThatCode(() -> merged.addAll(NgRelayMain.withConfigFile(cli, new String[] {
            "--config-file=" + conf}))).doesNotThrowAnyException();
        for (String name : values.keySet()) {
            assertThat(merged).as(name).anyMatch(arg -> arg.equals("--" + name) || arg.startsWith("--" + name + "="));
        }
        assertThatCode(() -> new CommandLine(new DaemonCommand()).parseArgs(merged.toArray(new String[0])))
                .doesNotThrowAnyException();
    }

    @Test
    void aWordThatIsNoOptionIsRefusedWithASuggestion() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = NgRelayMain.run(new DaemonCommand(), new String[] {"--config-file=none", "--listen-ngg=127.0.0.1:2223"});
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--listen-ngg=127.0.0.1:2223'")
                .contains("Possible solutions: --listen-ng");
    }
}

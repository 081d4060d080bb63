package org.ngrelay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ngrelay.cli.client.NgClientCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Entry point: {@code ngrelay ng ...} runs the ng client; anything else is the daemon, with the
 * config file merged into the command line (the command line wins, as in rtpengine).
 */
public final class NgRelayMain {

    private NgRelayMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(NG_CLIENT)) {
            System.exit(runClient(new NgClientCommand(), Arrays.copyOfRange(args, 1, args.length)));
        }
        Logging.installShutdownSafeManager();
        System.exit(run(new DaemonCommand(), args));
    }

    /** The ng client's subcommand name: {@code bin/ngrelay ng ping}. */
    static final String NG_CLIENT = "ng";

    /** The ng client reads no config file and sets up no logging: it is a short-lived tool. */
    static int runClient(NgClientCommand client, String[] args) {
        return new CommandLine(client).setCommandName("ngrelay " + NG_CLIENT).execute(args);
    }

    static int run(DaemonCommand daemon, String[] args) {
        // listed in the daemon's --help; main() runs it without the daemon's config handling
        CommandLine cli = new CommandLine(daemon).addSubcommand(NG_CLIENT, new NgClientCommand());
        List<String> merged;
        try {
            merged = withConfigFile(cli, args);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ngrelay: " + e.getMessage());
            return 2;
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println("ngrelay: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli.execute(merged.toArray(new String[0]));
    }

    /**
     * The config file's keys as options placed before the command line's, leaving out any the
     * command line gives itself. Every rtpengine 10.5 option is a key; a key that is none (a typo,
     * or an option of a newer rtpengine) is reported and skipped, as rtpengine skips it.
     */
    static List<String> withConfigFile(CommandLine cli, String[] args) throws IOException {
        String file = valueOf(args, "--config-file");
        String section = valueOf(args, "--config-section");
        if (file == null && Files.isReadable(Path.of(DaemonCommand.DEFAULT_CONFIG_FILE))) {
            file = DaemonCommand.DEFAULT_CONFIG_FILE;
        }
        List<String> merged = new ArrayList<>();
        if (file != null && !file.equals("none")) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("cannot read config file " + file);
            }
            Map<String, String> values = IniConfig.read(path, section != null ? section : "rtpengine");
            for (Map.Entry<String, String> e : values.entrySet()) {
                String name = "--" + e.getKey();
                OptionSpec option = cli.getCommandSpec().findOption(name);
                if (option == null) {
                    System.err.println("ngrelay: config option '" + e.getKey() + "' is not supported, ignored");
                    continue;
                }
                if (givenOnCommandLine(args, option) || name.equals("--config-file") || name.equals("--config-section")) {
                    continue;
                }
                if (option.arity().max() == 0) {
                    // a GLib key file boolean, as rtpengine reads it
                    String v = e.getValue();
                    if (v.equalsIgnoreCase("true") || v.equals("1") || v.isEmpty()) {
                        merged.add(name);
                    } else if (!v.equalsIgnoreCase("false") && !v.equals("0")) {
                        throw new IllegalArgumentException("config option '" + e.getKey() + "' is a switch: true or false, not '" + v + "'");
                    }
                } else if (option.isMultiValue()) {
                    for (String part : e.getValue().split(";")) {
                        if (!part.isBlank()) {
                            merged.add(name + "=" + part.strip());
                        }
                    }
                } else {
                    merged.add(name + "=" + e.getValue());
                }
            }
        }
        merged.addAll(List.of(args));
        return merged;
    }

    private static boolean givenOnCommandLine(String[] args, OptionSpec option) {
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=") || (!name.startsWith("--") && arg.startsWith(name) && arg.length() > name.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String valueOf(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }
}

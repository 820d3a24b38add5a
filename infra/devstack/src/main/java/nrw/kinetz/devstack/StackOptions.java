package nrw.kinetz.devstack;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Which running devstack a command talks to: the options every command beside {@code up} shares. */
final class StackOptions {

    @Option(names = "--data-dir", description = "The devstack's data folder (default: .devstack in the repository).")
    Path dataDir;

    @Option(names = "--port-offset", defaultValue = "0", description = "As given to 'up'.")
    int portOffset;

    DevstackLayout layout() {
        return DevstackLayout.of(dataDir, portOffset);
    }
}

package nrw.kinetz.intake.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.model.activity.CsvEncoding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./kinetz push <file> --client ki-<siteId>}: sends a CSV or NDJSON file of any size to the activity
 * intake in batches of at most 1,000, with a progress bar, honouring 429 and 503, and ends with what was
 * accepted, what was a duplicate and what was rejected at which line. Running it twice on the same file
 * counts nothing twice.
 */
@Command(name = "push", mixinStandardHelpOptions = true, version = "kinetz push 0.1", resourceBundle = Messages.BUNDLE,
        description = {"Pushes activity reports (CSV as exported from a spreadsheet, or NDJSON) to the KI-Netz activity intake.",
                "Rows without an id get a name-based id from their content, so pushing the same file again counts nothing twice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything accepted (or a duplicate)", "1:some activities were rejected (see the lines listed)",
                "2:the push did not start or stopped (wrong arguments, no secret, bad header, refused token,"
                        + " intake unavailable too long)",
                "3:an unexpected error (the message says which); what was accepted before stays accepted"})
public final class PushCommand implements Callable<Integer> {

    static final int MAX_BATCH = 1000;

    /** Exit codes: scripts tell "look at the rejected lines" from "the push itself went wrong". */
    static final int EVERYTHING_ACCEPTED = 0;
    static final int SOME_REJECTED = 1;
    static final int STOPPED = 2;
    static final int UNEXPECTED_ERROR = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", descriptionKey = "file", description = "CSV (.csv) or NDJSON (.ndjson, .jsonl) file")
    Path file;

    @Option(names = "--client", descriptionKey = "client", required = true, paramLabel = "<clientId>",
            description = "OAuth2 client id of the KI system, e.g. ki-05974")
    String client;

    @Option(names = "--url", descriptionKey = "url", defaultValue = "http://127.0.0.1:8081", description = "activity intake (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--token-url", descriptionKey = "token-url", defaultValue = "http://127.0.0.1:9000/oauth2/token",
            description = "token endpoint (default: ${DEFAULT-VALUE})")
    URI tokenUrl;

    @Option(names = "--secrets-file", descriptionKey = "secrets-file", defaultValue = ".devstack/auth/secrets.properties",
            description = "where the client secret is looked up when KINETZ_CLIENT_SECRET is not set (default: ${DEFAULT-VALUE})")
    Path secretsFile;

    @Option(names = "--format", descriptionKey = "format", description = "csv or ndjson; by default from the file's extension")
    String format;

    @Option(names = "--batch-size", descriptionKey = "batch-size", defaultValue = "1000", description = "activities per request, at most 1000 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--dry-run", descriptionKey = "dry-run", description = "validate and find duplicates only; nothing is published")
    boolean dryRun;

    @Option(names = "--max-wait", descriptionKey = "max-wait", defaultValue = "PT10M",
            description = "longest total wait for one batch while the intake answers 429/503, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration maxWait;

    @Option(names = "--lang", paramLabel = "<de|en>", descriptionKey = "lang",
            description = "language of the output, de or en (by default from LC_ALL, LC_MESSAGES or LANG)")
    String lang;

    private final UnaryOperator<String> environment;
    private final IntakeClient.Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private Messages messages = Messages.in(Locale.ENGLISH);

    public PushCommand() {
        this(System::getenv, duration -> Thread.sleep(duration.toMillis()));
    }

    PushCommand(UnaryOperator<String> environment, IntakeClient.Sleeper sleeper) {
        this(environment, sleeper, Clock.systemUTC(), Math::random);
    }

    PushCommand(UnaryOperator<String> environment, IntakeClient.Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.environment = environment;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Messages.choose(langOption(args), System::getenv)).execute(args));
    }

    /** The command with its help in {@code language} (the help is printed before {@code --lang} is parsed). */
    static CommandLine commandLine(Locale language) {
        CommandLine command = new CommandLine(new PushCommand());
        command.setResourceBundle(Messages.in(language).bundle());
        return command;
    }

    private static String langOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    /**
     * Anything the push does not expect ends it with {@link #UNEXPECTED_ERROR} and one line saying what happened —
     * never with picocli's code for an exception, 1, which means "some activities were rejected" here.
     */
    @Override
    public Integer call() {
        long started = System.nanoTime();
        PushReport report = new PushReport();
        messages = Messages.in(Messages.choose(lang, environment));
        try {
            return push(report, started);
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unexpected(report, started, e);
        } catch (Exception e) {
            return unexpected(report, started, e);
        }
    }

    private int unexpected(PushReport report, long started, Exception e) {
        if (report.processed() > 0) {
            report.print(spec.commandLine().getOut(), messages, describe("report.stopped"),
                    Duration.ofNanos(System.nanoTime() - started), dryRun);
        }
        spec.commandLine().getErr().println(messages.text("error.prefix", messages.text("error.unexpected", e)));
        spec.commandLine().getErr().flush();
        return UNEXPECTED_ERROR;
    }

    private int push(PushReport report, long started) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.text("error.batch-size", MAX_BATCH));
        }
        if (!Files.isRegularFile(file)) {
            err.println(messages.text("error.prefix", messages.text("error.not-a-file", file)));
            return STOPPED;
        }
        String secret;
        try {
            secret = secret();
        } catch (PushException e) {
            err.println(messages.text("error.prefix", e.getMessage()));
            return STOPPED;
        }
        try (BatchSource batches = open(report)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ClientCredentials credentials = new ClientCredentials(http, tokenUrl, client, secret, messages);
            Progress progress = new Progress(err, System.console() != null, batches.size(), messages);
            IntakeClient intake = new IntakeClient(http, activitiesUri(), credentials, sleeper, maxWait, progress, clock, random,
                    messages);
            for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                intake.push(batch, dryRun, report);
                report.batchSent();
                progress.update(batch.position(), report, null);
            }
            progress.done();
        } catch (ActivityCsv.MalformedCsvException e) {
            err.println(messages.text("error.prefix", messages.text("error.csv-line", file, e.line(), e.getMessage())));
            return STOPPED;
        } catch (CsvEncoding.UnreadableTextException e) {
            err.println(messages.text("error.prefix", messages.text("error.encoding", file, e.getMessage())));
            return STOPPED;
        } catch (PushException e) {
            report.print(out, messages, describe("report.stopped"), Duration.ofNanos(System.nanoTime() - started), dryRun);
            err.println(messages.text("error.prefix", e.getMessage()));
            return STOPPED;
        }
        report.print(out, messages, describe("report.pushed"), Duration.ofNanos(System.nanoTime() - started), dryRun);
        return report.rejected() > 0 ? SOME_REJECTED : EVERYTHING_ACCEPTED;
    }

    private BatchSource open(PushReport report) throws IOException {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : extensionFormat();
        switch (chosen) {
            case "csv":
                return new CsvBatches(file, batchSize, report);
            case "ndjson":
            case "jsonl":
                return new NdjsonBatches(file, batchSize);
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), messages.text("error.format", file));
        }
    }

    private String extensionFormat() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private URI activitiesUri() {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/activities");
    }

    private String describe(String key) {
        return messages.text(key, file.getFileName(), client, url);
    }

    /**
     * The client secret: {@code KINETZ_CLIENT_SECRET}, else the authorization server's own override variable
     * ({@code KINETZ_SECRET_KI_05974}), else the devstack's secrets file — so that a KI outside the devstack
     * only sets one variable, and a developer inside it sets nothing.
     */
    private String secret() throws IOException {
        String fromEnvironment = environment.apply("KINETZ_CLIENT_SECRET");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String perClient = environment.apply("KINETZ_SECRET_" + client.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (perClient != null && !perClient.isBlank()) {
            return perClient;
        }
        if (Files.isRegularFile(secretsFile)) {
            Properties secrets = new Properties();
            try (InputStream in = Files.newInputStream(secretsFile)) {
                secrets.load(in);
            }
            String fromFile = secrets.getProperty("client." + client + ".secret");
            if (fromFile != null && !fromFile.isBlank()) {
                return fromFile;
            }
        }
        throw new PushException(messages.text("error.no-secret", client, secretsFile));
    }
}

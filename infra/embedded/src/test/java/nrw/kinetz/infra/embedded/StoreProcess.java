package nrw.kinetz.infra.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The H2-backed store alone in a child JVM, so a test can kill it with SIGKILL in the middle of a write.
 * {@link #main} is the child's entry point; {@link #start} launches it from a test.
 */
final class StoreProcess implements AutoCloseable {

    private final Process process;

    private StoreProcess(Process process) {
        this.process = process;
    }

    /** Child entry point: {@code StoreProcess <dir> <port>}; prints {@code READY} once it accepts connections. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo.persistent(Path.of(args[0]), Integer.parseInt(args[1])).start();
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static StoreProcess start(Path dir, int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), dir.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                drain(out);
                return new StoreProcess(process);
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the store process ended before it was ready, exit " + process.exitValue());
    }

    /** SIGKILL: no shutdown hook runs, nothing is committed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static void drain(BufferedReader out) {
        Thread drainer = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // the child's log is not needed; reading keeps its pipe from filling up
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "store-process-output");
        drainer.setDaemon(true);
        drainer.start();
    }
}

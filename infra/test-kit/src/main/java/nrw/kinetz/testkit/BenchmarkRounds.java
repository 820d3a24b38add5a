package nrw.kinetz.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Interleaved rounds of a benchmark that compares a path with its limit in the same run: first unmeasured rounds, so
 * that neither side pays the JIT's and the store's warm-up that the other is spared, then {@code rounds} measured ones,
 * each printed. The figure is the round with the median ratio.
 *
 * <p>The unmeasured rounds are {@code benchmark.warmupRounds} (default {@value #WARMUP_ROUNDS}). One was too few for
 * a path whose per-record code is large: the raw side's small loop was compiled after one round, while the JIT compiled
 * the path's methods at their optimised tier only during the measured rounds — a cost a rebuild over a real topic, far
 * longer than a benchmark round, pays once at its start.
 */
public final class BenchmarkRounds {

    /** Unmeasured rounds of both sides before the measured ones, unless {@code benchmark.warmupRounds} says otherwise. */
    public static final int WARMUP_ROUNDS = 3;

    private BenchmarkRounds() {
    }

    /**
     * @param round one round: {path per second, limit per second, anything else the benchmark reports}
     * @return the measured round whose ratio (path ÷ limit) is the median
     */
    public static double[] median(int rounds, Supplier<double[]> round) {
        int warmups = Integer.getInteger("benchmark.warmupRounds", WARMUP_ROUNDS);
        for (int w = 1; w <= warmups; w++) {
            double[] rates = round.get();
            System.out.printf("warm-up %d (not measured): replay %8.0f records/s, raw %8.0f per s, ratio %.2f%n", w,
                    rates[0], rates[1], rates[0] / rates[1]);
        }
        List<double[]> measured = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double[] rates = round.get();
            measured.add(rates);
            System.out.printf("round %d: replay %8.0f records/s, raw %8.0f per s, ratio %.2f%n", r, rates[0], rates[1],
                    rates[0] / rates[1]);
        }
        measured.sort(Comparator.comparingDouble(rates -> rates[0] / rates[1]));
        return measured.get(measured.size() / 2);
    }
}

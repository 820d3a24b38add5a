package nrw.kinetz.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Interleaved rounds of a benchmark that compares a path with its limit in the same run: one round unmeasured, so that
 * neither side pays the JIT's and the store's warm-up that the other is spared, then {@code rounds} measured ones,
 * each printed. The figure is the round with the median ratio.
 */
public final class BenchmarkRounds {

    private BenchmarkRounds() {
    }

    /**
     * @param round one round: {path per second, limit per second, anything else the benchmark reports}
     * @return the measured round whose ratio (path ÷ limit) is the median
     */
    public static double[] median(int rounds, Supplier<double[]> round) {
        round.get();
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

package id.bimtek.support;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * For benchmarks: how long a request takes, p50 and p95 over a number of runs after twenty to warm up. Five were
 * not enough: the auditor's page of a 10,555-applicant selection took 312-415 ms in its 11th to 16th requests, while
 * the JIT compiled it, and 75-110 ms after; the p95 measured the compiler, not the page.
 */
public final class Latency {

    private static final int WARM_UP = 20;

    private Latency() {
    }

    /** {@code request} returns the size of what it got; prints one line and returns the p95 in milliseconds. */
    public static double print(String what, int runs, Callable<Integer> request) throws Exception {
        long[] nanos = new long[runs];
        int size = 0;
        for (int i = -WARM_UP; i < runs; i++) {
            long start = System.nanoTime();
            size = request.call();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double p95 = nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6;
        System.out.printf("BENCHMARK %-55s %d requests, %,d bytes: p50 %.1f ms, p95 %.1f ms%n", what, runs, size,
                nanos[runs / 2] / 1e6, p95);
        return p95;
    }
}

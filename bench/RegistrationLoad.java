import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the registration benchmark (run by bench/registration-benchmark.sh with
 * {@code java bench/RegistrationLoad.java <base-url> <programId> <clients> <seconds> <ack-file>}):
 * concurrent applicants register over HTTP; every acknowledged registration is appended to the ack
 * file (id and NIK) the moment its answer arrives, so a crash test can check none was lost.
 */
public class RegistrationLoad {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long programId = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Path acks = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong serial = new AtomicLong(ProcessHandle.current().pid() % 97 * 100_000);
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long n = serial.incrementAndGet();
                    // Kota Tangerang, born 5 Aug 1990 (+40: a woman), serial 0001-9999 across NIK blocks
                    String nik = String.format("3671%02d45089%01d%04d", 1 + (n / 99_990) % 99, (n / 9_999) % 10, 1 + n % 9_999);
                    String body = "{\"nik\":\"" + nik + "\",\"name\":\"Pelamar " + n + "\",\"businessName\":\"Usaha " + n
                            + "\",\"sector\":\"APPAREL\",\"district\":\"Cibodas\",\"phone\":\"081212345678\",\"batch\":\"Gelombang 1\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/programs/" + programId + "/registrations"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() == 201) {
                            latencies.add(took);
                            Matcher id = ID.matcher(response.body());
                            if (id.find()) {
                                synchronized (RegistrationLoad.class) {
                                    Files.writeString(acks, id.group(1) + " " + nik + "\n", StandardOpenOption.CREATE,
                                            StandardOpenOption.APPEND);
                                }
                            }
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("no registration succeeded; failures: " + failures.get());
            return;
        }
        System.out.printf("registrations: %d in %d s = %.0f per second; p50 %.1f ms, p99 %.1f ms; failed requests: %d%n",
                sorted.size(), seconds, sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6, failures.get());
    }
}

package id.bimtek.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** A bean an attacker's expression would call: if it ever counts, an expression from a request has run. */
@Component("expressionTripwire")
public class ExpressionTripwire {

    private final AtomicInteger runs = new AtomicInteger();

    public String trip() {
        runs.incrementAndGet();
        return "nobody";
    }

    public int runs() {
        return runs.get();
    }
}

package id.bimtek.shared;

import java.time.ZoneId;

/** Western Indonesian Time, in which deadlines, dates of batches and the auditors' times are read. */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private Wib() {
    }
}

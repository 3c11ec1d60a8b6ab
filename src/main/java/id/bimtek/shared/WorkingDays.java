package id.bimtek.shared;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** Monday to Friday. Public holidays (tanggal merah) are not known to the system yet. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static ZonedDateTime add(ZonedDateTime start, int workingDays) {
        ZonedDateTime day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}

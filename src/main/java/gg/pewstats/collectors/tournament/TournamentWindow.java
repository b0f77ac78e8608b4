package gg.pewstats.collectors.tournament;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The weekly window tournament discovery runs in: days of the week, a start and an end time, in a named
 * time zone. An end before the start crosses midnight: the window opened on a listed day runs into the
 * next morning (Sunday 18:00 to 02:00 is open on Monday at 01:00, not on Monday at 18:00 unless Monday is
 * listed too). Equal start and end: the whole of each listed day.
 */
public final class TournamentWindow {

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    /**
     * @param days comma list of days (MON,TUE or MONDAY; 1-7 with 1 = Monday; empty = every day)
     * @param start HH:MM, the window opens
     * @param end HH:MM, the window closes (before start: the next day)
     * @param zone an IANA time zone, for example Europe/Oslo
     */
    public TournamentWindow(String days, String start, String end, String zone) {
        this.days = parseDays(days);
        this.start = LocalTime.parse(start.trim());
        this.end = LocalTime.parse(end.trim());
        this.zone = ZoneId.of(zone.trim());
    }

    static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text == null ? new String[0] : text.split(",")) {
            String day = part.trim().toUpperCase(Locale.ROOT);
            if (day.isEmpty()) {
                continue;
            }
            if (day.chars().allMatch(Character::isDigit)) {
                result.add(DayOfWeek.of(Integer.parseInt(day)));
                continue;
            }
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(day) || d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT).equals(day)) {
                    found = d;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("tournament.window-days: '" + part.trim() + "' is not a day (MON..SUN or 1..7)");
            }
            result.add(found);
        }
        return result.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : result;
    }

    /** Whether the window is open now. */
    public boolean isOpen() {
        return isOpenAt(ZonedDateTime.now(zone));
    }

    /** Whether the window is open at the given time. */
    public boolean isOpenAt(ZonedDateTime when) {
        ZonedDateTime local = when.withZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (start.equals(end)) {
            return days.contains(day);
        }
        if (start.isBefore(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        // crossing midnight: the evening of a listed day, or the morning after one
        return (days.contains(day) && !time.isBefore(start)) || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    @Override
    public String toString() {
        return days + " " + start + "-" + end + " " + zone;
    }
}

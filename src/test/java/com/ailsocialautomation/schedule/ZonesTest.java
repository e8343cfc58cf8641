package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZonesTest {

    private static String error(String input) {
        return assertThrows(UserError.class, () -> Zones.parse(input)).getMessage();
    }

    @Test
    void ianaNamesMatchInAnyCaseAndComeBackWithTheRealSpelling() {
        assertEquals(ZoneId.of("Europe/Berlin"), Zones.parse("europe/berlin"));
        assertEquals(ZoneId.of("America/New_York"), Zones.parse(" AMERICA/NEW_YORK "));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), Zones.parse("america/argentina/buenos_aires"));
    }

    @Test
    void utcIsAccepted() {
        assertEquals("UTC", Zones.parse("UTC").getId());
        assertEquals("UTC", Zones.parse("utc").getId());
        assertEquals("Etc/UTC", Zones.parse("etc/utc").getId());
    }

    @Test
    void aCityAloneGetsTheFullNameSuggested() {
        assertEquals("Unknown time zone 'berlin'; did you mean Europe/Berlin? "
                + "Use an IANA name such as Europe/Berlin or America/New_York.", error("berlin"));
        assertEquals("Unknown time zone 'New York'; did you mean America/New_York? "
                + "Use an IANA name such as Europe/Berlin or America/New_York.", error("New York"));
    }

    @Test
    void abbreviationsAreRefusedWithTheZoneTheyUsuallyMean() {
        assertEquals("Unknown time zone 'PST'; did you mean America/Los_Angeles? "
                + "Use an IANA name such as Europe/Berlin or America/New_York.", error("PST"));
        // EST exists in the tz database, but as a fixed offset that ignores daylight saving.
        assertEquals("Unknown time zone 'EST'; did you mean America/New_York? "
                + "Use an IANA name such as Europe/Berlin or America/New_York.", error("EST"));
    }

    @Test
    void offsetsAndNonsenseAreRefusedWithAnExample() {
        assertEquals("Unknown time zone '+02:00'. Use an IANA name such as Europe/Berlin or America/New_York.",
                error("+02:00"));
        assertEquals("Unknown time zone 'Mars/Olympus'. Use an IANA name such as Europe/Berlin or America/New_York.",
                error("Mars/Olympus"));
        assertEquals("Missing time zone. Use an IANA name such as Europe/Berlin or America/New_York.", error("  "));
        assertEquals("Missing time zone. Use an IANA name such as Europe/Berlin or America/New_York.", error(null));
    }
}

package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A platform's daily upload allowance: taken one by one up to the day's number, per project, and used up on the platform's word. */
class UploadAllowancesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aDaysUploadsAreTakenUpToItsAllowanceAndThePlatformCanSayTheDayIsUsedUp() {
        UploadAllowances allowances = new UploadAllowances(new Sql(pg.dataSource()));
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertEquals(0, allowances.used(PlatformId.YOUTUBE, "project-a", today));
        assertTrue(allowances.take(PlatformId.YOUTUBE, "project-a", today, 2));
        assertTrue(allowances.take(PlatformId.YOUTUBE, "project-a", today, 2));
        assertFalse(allowances.take(PlatformId.YOUTUBE, "project-a", today, 2), "a third upload was taken of an allowance of two");
        assertEquals(2, allowances.used(PlatformId.YOUTUBE, "project-a", today));
        assertTrue(allowances.take(PlatformId.YOUTUBE, "project-b", today, 2), "another project's allowance was used up too");

        LocalDate tomorrow = today.plusDays(1);
        allowances.useUp(PlatformId.YOUTUBE, "project-a", tomorrow, 6);
        assertFalse(allowances.take(PlatformId.YOUTUBE, "project-a", tomorrow, 6), "an upload was taken of a day the platform used up");
        assertEquals(6, allowances.used(PlatformId.YOUTUBE, "project-a", tomorrow));
    }
}

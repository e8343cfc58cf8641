package com.ailsocialautomation.store;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** One weekly time in an account's queue, read on the clocks of {@code zone}. */
public record QueueSlot(UUID accountId, DayOfWeek day, LocalTime time, ZoneId zone) {}

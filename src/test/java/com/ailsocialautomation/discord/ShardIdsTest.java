package com.ailsocialautomation.discord;

import com.ailsocialautomation.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardIdsTest {
    @Test
    void shardIdsAreNumbersAndRangesBelowTheTotal() {
        assertEquals(List.of(0, 1, 2, 3, 8), ShardIds.parse("0-3, 8", 10));
        assertEquals(List.of(1), ShardIds.parse("1", 2));
        assertEquals(List.of(), ShardIds.parse(null, null), "unset: every shard of DISCORD_SHARDS, or Discord's advice");
    }

    @Test
    void badShardIdsStopStartUpNamingTheVariable() {
        for (String bad : List.of("2", "a", "3-1", "-1")) {
            ConfigError e = assertThrows(ConfigError.class, () -> ShardIds.parse(bad, 2));
            assertEquals("DISCORD_SHARD_IDS", e.variable());
        }
        ConfigError e = assertThrows(ConfigError.class, () -> ShardIds.parse("0", null));
        assertTrue(e.getMessage().contains("DISCORD_SHARDS"), e.getMessage());
    }
}

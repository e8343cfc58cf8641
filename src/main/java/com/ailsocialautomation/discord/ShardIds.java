package com.ailsocialautomation.discord;

import com.ailsocialautomation.config.ConfigError;

import java.util.ArrayList;
import java.util.List;

/** DISCORD_SHARD_IDS: the shards this instance runs, as {@code 0,1,2} or ranges {@code 0-3,8}, below DISCORD_SHARDS. */
final class ShardIds {
    private static final String NAME = "DISCORD_SHARD_IDS";

    private ShardIds() {}

    static List<Integer> parse(String ids, Integer total) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        if (total == null) {
            throw new ConfigError(NAME, "needs DISCORD_SHARDS, the number of shards across all instances");
        }
        List<Integer> out = new ArrayList<>();
        for (String part : ids.split(",")) {
            String[] range = part.strip().split("-", 2);
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (from < 0 || to < from || to >= total) {
                    throw new ConfigError(NAME, "must name shards from 0 to " + (total - 1) + " (DISCORD_SHARDS is "
                            + total + "), got '" + part.strip() + "'");
                }
                for (int id = from; id <= to; id++) {
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                }
            } catch (NumberFormatException e) {
                throw new ConfigError(NAME, "must be shard numbers or ranges such as 0,1 or 0-3, got '" + part.strip() + "'");
            }
        }
        return List.copyOf(out);
    }
}

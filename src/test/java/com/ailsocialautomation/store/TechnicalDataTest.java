package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A browser's User-Agent at an OAuth callback is kept as sent, cut to the length that identifies it. */
class TechnicalDataTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aUserAgentIsKeptWholeUpToItsLimitAndCutAfterIt() {
        StoreWorld world = new StoreWorld(pg, "T-TECH", "Tech");
        Sql sql = world.sql;
        UUID ws = world.ws;
        UUID ana = world.ana.id();
        TechnicalData technical = new TechnicalData(sql);
        String browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
        String padded = "A".repeat(TechnicalData.MAX_USER_AGENT + 88);
        technical.recordOAuthCallback(ws, ana, "203.0.113.7", browser);
        technical.recordOAuthCallback(ws, ana, "203.0.113.7", padded);
        technical.recordOAuthCallback(ws, ana, "203.0.113.7", null);

        List<String> kept = sql.list("select user_agent from technical_data where user_id = ? order by length(user_agent) nulls first",
                rs -> rs.getString(1), ana);
        assertEquals(java.util.Arrays.asList(null, browser, padded.substring(0, TechnicalData.MAX_USER_AGENT)), kept);
    }
}

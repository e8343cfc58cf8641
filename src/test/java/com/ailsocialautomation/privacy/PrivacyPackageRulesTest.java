package com.ailsocialautomation.privacy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md: privacy imports nothing from the front ends or Javalin, so the erasures work the same for every one of
 * them; and nothing from the command layer, which calls it (no cycle). And technical data has one writer.
 */
class PrivacyPackageRulesTest {
    static final Pattern FORBIDDEN = Pattern.compile("com\\.ailsocialautomation\\.(slack|discord|console|command|web)\\b|io\\.javalin");

    @Test
    void privacyDependsOnNoFrontEndNorOnTheCommandLayer() {
        List<JavaSource> sources = JavaSource.all(Path.of("src/main/java/com/ailsocialautomation/privacy"));
        assertFalse(sources.isEmpty());
        List<String> found = new ArrayList<>();
        for (JavaSource source : sources) {
            Matcher m = FORBIDDEN.matcher(source.code());
            while (m.find()) {
                found.add(source.path().getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), found);
    }

    /**
     * Owners erase their own data: the erasures and the export reach other packages' tables only through
     * store.PersonalData and the owners' own methods, so the privacy package's SQL names its own table alone.
     * The retention purge, a list of age limits by table, is the one exception.
     */
    @Test
    void privacyWritesSqlOnlyForItsOwnTable() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (var migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : migrations.toList()) {
                Matcher m = Pattern.compile("create table (\\w+)").matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        assertTrue(tables.contains("post_targets") && tables.contains("slack_installations"), tables.toString());
        List<String> named = new ArrayList<>();
        for (JavaSource source : JavaSource.all(Path.of("src/main/java/com/ailsocialautomation/privacy"))) {
            if (source.className().equals("Retention")) {
                continue;
            }
            for (String literal : source.literals()) {
                for (String table : tables) {
                    if (!table.equals("erasure_confirmations") && Pattern.compile("(?i)\\b(from|into|update|join)\\s+" + table + "\\b").matcher(literal).find()) {
                        named.add(source.className() + ": " + table);
                    }
                }
            }
        }
        assertEquals(List.of(), named);
    }

    /**
     * Policy clause 1 and SPEC 6: IP address and User-Agent are recorded at the OAuth callback only. The one
     * repository that inserts them is store.TechnicalData, and only the oauth package uses it (the store wiring unit
     * builds it, the command layer unit hands it to the OAuth routes).
     */
    @Test
    void onlyTheOauthRoutesWriteTechnicalData() {
        List<String> writers = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (JavaSource source : JavaSource.all(Path.of("src/main/java"))) {
            boolean writes = source.literals().stream().anyMatch(l -> l.replaceAll("\\s+", " ").toLowerCase().contains("into technical_data"));
            if (writes) {
                writers.add(source.className());
            }
            boolean uses = source.code().contains("import com.ailsocialautomation.store.TechnicalData;");
            if (uses && !source.className().startsWith("com.ailsocialautomation.oauth.")
                    && !source.className().equals("com.ailsocialautomation.wiring.Store")) {
                users.add(source.className());
            }
        }
        assertEquals(List.of("com.ailsocialautomation.store.TechnicalData"), writers);
        assertEquals(List.of(), users);
    }
}

package com.ailsocialautomation.privacy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
     * Policy clause 1 and SPEC 6: IP address and User-Agent are recorded at the OAuth callback only. The one
     * repository that inserts them is store.TechnicalData, and only the oauth package (wired in Services) uses it.
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
                    && !source.className().equals("com.ailsocialautomation.Services")) {
                users.add(source.className());
            }
        }
        assertEquals(List.of("com.ailsocialautomation.store.TechnicalData"), writers);
        assertEquals(List.of(), users);
    }
}

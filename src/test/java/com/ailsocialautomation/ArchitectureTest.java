package com.ailsocialautomation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shape of the house (DESIGN.md): data flows from the front ends through the command layer to the engine and
 * the platforms, and down to the store; the message format is on the ground floor. Each rule fails the build when
 * a class imports across it.
 */
class ArchitectureTest {
    private static final String ROOT = "com.ailsocialautomation";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String[] packages(String... names) {
        return Stream.of(names).map(n -> ROOT + "." + n + "..").toArray(String[]::new);
    }

    private static final Pattern EXAMPLE_HOST = Pattern.compile(
            "^https?://([^/]*\\.)?(example\\.(com|org|net)|[^/]*\\.example|[^/]*\\.test|localhost|127\\.0\\.0\\.1)([:/.}]|$)");
    private static final String[] FRONT_ENDS = packages("slack", "discord", "console");
    private static final String[] CHAT_LIBRARIES = {"com.slack.api..", "net.dv8tion.."};

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    @Test
    void platformsAndTheNetworkLayerKnowNoFrontEndNoCommandNoEngineAndNoStore() {
        check(noClasses().that().resideInAnyPackage(packages("platform", "net"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        packages("slack", "discord", "console", "command", "engine", "store", "wiring", "oauth", "privacy")));
    }

    @Test
    void theStoreImportsNothingAboveIt() {
        check(noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("command", "engine", "platform", "net",
                        "notify", "oauth", "privacy", "web", "slack", "discord", "console", "wiring", "doctor", "schedule")));
    }

    @Test
    void theMessageFormatIsOnTheGroundFloor() {
        check(noClasses().that().resideInAPackage(ROOT + ".message..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("command", "engine", "platform", "net",
                        "notify", "oauth", "privacy", "web", "slack", "discord", "console", "wiring", "doctor", "store")));
    }

    @Test
    void theEngineImportsNoFrontEnd() {
        check(noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
                .orShould().dependOnClassesThat().resideInAnyPackage(CHAT_LIBRARIES));
    }

    @Test
    void platformNeutralCodeNeverImportsSlackOrDiscordTypes() {
        check(noClasses().that().resideInAnyPackage(packages("command", "engine", "platform", "net", "notify",
                        "oauth", "privacy", "store", "message", "schedule", "web", "config"))
                .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
                .orShould().dependOnClassesThat().resideInAnyPackage(CHAT_LIBRARIES));
    }

    /**
     * A front end may keep its own tables through the store's plumbing (Sql, the vault, the personal-data contract),
     * but reads and writes posts, accounts and people only through the command layer.
     */
    @Test
    void frontEndsUseNoStoreRepositories() {
        check(noClasses().that().resideInAnyPackage(FRONT_ENDS)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "store classes other than its plumbing",
                        c -> c.getPackageName().equals(ROOT + ".store")
                                && !List.of("Sql", "Vault", "VaultError", "StoreError", "PersonalData", "Workspace")
                                .contains(c.getName().substring(ROOT.length() + ".store.".length()).replaceAll("\\$.*", "")))));
    }

    @Test
    void nothingImportsUpwardIntoTheAppOrMain() {
        check(noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .and().doNotHaveFullyQualifiedName(ROOT + ".App")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".App")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".Main"));
    }

    @Test
    void onlyTheAppAndTheTestsUseTheWiringUnits() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".wiring..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".App")
                .and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".wiring.."));
    }

    /**
     * Comments cite nothing outside the repository: a comment may show an address as an example (in quotes, or on a
     * reserved example or loopback host), or a bare scheme, but does not send the reader to a web page.
     */
    @Test
    void commentsCiteNothingOutsideTheRepository() throws IOException {
        // strings and text blocks are matched first so that "https://..." in code is not taken for a comment
        Pattern token = Pattern.compile("\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])*'"
                + "|(//[^\n]*|/\\*.*?\\*/)", Pattern.DOTALL);
        Pattern address = Pattern.compile("(\"?)(https?://[^\\s\"')]*[A-Za-z0-9][^\\s\"')]*)");
        List<String> cited = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher c = token.matcher(Files.readString(file));
                    while (c.find()) {
                        if (c.group(1) == null) {
                            continue;
                        }
                        Matcher a = address.matcher(c.group(1));
                        while (a.find()) {
                            if (a.group(1).isEmpty() && !EXAMPLE_HOST.matcher(a.group(2)).find()) {
                                cited.add(file + ": " + a.group(2));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), cited);
    }
}

package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.MediaFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of file AIL takes, damaged at random (bytes changed, sizes and headers among them, or cut short): the
 * intake either gives facts that describe the file it keeps or one UserError line, and never takes long. Seeded, so
 * a failure repeats.
 */
class DamagedMediaTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedFileGivesFactsOrOneLineAndNeverHangs() throws Exception {
        List<byte[]> originals = List.of(Fixtures.jpeg(40, 20, 6), Fixtures.jpeg(40, 20, 1), Fixtures.png(30, 10, 8),
                Fixtures.gif(24, 12), Fixtures.webp(), IsoFixtures.heic(64, 48, true),
                IsoFixtures.movie("isom", 12_500, 1000, 1920, 1080, true), IsoFixtures.movie("qt  ", 600, 600, 640, 480, false),
                IsoFixtures.webm(640, 360, 1500));
        Random random = new Random(Long.getLong("seed", 1414)); // -Dseed and -Drounds (in argLine) search further
        int refused = 0;
        for (int round = 0; round < Integer.getInteger("rounds", 400); round++) {
            byte[] bytes = originals.get(round % originals.size()).clone();
            for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            Path file = Files.write(dir.resolve("round-" + round), bytes);
            byte[] damaged = bytes;
            refused += assertTimeoutPreemptively(Duration.ofSeconds(5), () -> intake(file),
                    () -> "took too long on " + java.util.HexFormat.of().formatHex(damaged)) ? 0 : 1;
        }
        assertTrue(refused > 0 && refused < Integer.getInteger("rounds", 400), "some damage is harmless, some is not: " + refused);
    }

    /** True when the file was taken: its facts then match it as kept. */
    private static boolean intake(Path file) throws Exception {
        try {
            MediaFacts facts = Scrubber.scrub(file, Inspector.inspect(file));
            assertEquals(Files.size(file), facts.size());
            assertTrue(facts.width() > 0 && facts.height() > 0, facts.toString());
            return true;
        } catch (UserError e) {
            assertFalse(e.getMessage().isBlank() || e.getMessage().contains("\n"), e.getMessage());
            return false;
        }
    }
}

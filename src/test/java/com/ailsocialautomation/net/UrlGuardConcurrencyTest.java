package com.ailsocialautomation.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's threads check one webhook's URL at the same moment; none is refused because the others wait too. */
class UrlGuardConcurrencyTest {
    @Test
    void manyChecksOfOneHostAtOnceShareItsLookupInsteadOfRefusingTheSeventeenth() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        Resolver slowDns = host -> {
            lookups.incrementAndGet();
            try {
                Thread.sleep(300); // a name server that takes its time, shorter than the guard's limit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(InetAddress.getByName("93.184.215.14"));
        };
        UrlGuard guard = new UrlGuard(false, slowDns);
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch together = new CountDownLatch(1);
        try {
            List<Future<VettedUrl>> checks = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                checks.add(pool.submit(() -> {
                    together.await();
                    return guard.check("https://hooks.example/in");
                }));
            }
            together.countDown();
            for (Future<VettedUrl> check : checks) {
                assertEquals("hooks.example", check.get().host(), "every check passes");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(lookups.get() < callers / 2, "they shared lookups: " + lookups.get() + " for " + callers + " checks");
    }
}

package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who is asking, from {@code users.info}: the time zone set in Slack (the default zone for their times) and
 * whether they are a workspace admin or owner (admin rights in AIL). Answers are kept for a few minutes, so a
 * burst of commands does not hit the method's rate limit; a failed lookup leaves the person without admin
 * rights and in UTC rather than failing the command. Past those minutes, a person Slack said is not an admin is
 * answered at once from what Slack said last (for at most a day) while users.info is asked again beside the
 * request: their next request sees the new answer, and no request waits on Slack for it. An admin's older answer
 * is never used: rights come only from an answer of the last few minutes.
 */
final class People implements PersonalData {
    private static final Logger log = LoggerFactory.getLogger(People.class);
    private static final Duration KEEP = Duration.ofMinutes(5);
    /** How old a non-admin's answer may be and still be used while a fresh one is asked for. */
    private static final Duration STALE_AT_MOST = Duration.ofDays(1);
    private static final int MAX_KEPT = 10_000;

    /** {@code known}: users.info answered, so {@code admin} is what Slack says (else it is false for want of an answer). */
    private record Person(String name, boolean admin, ZoneId zone, Instant fetched, boolean known) {
        Person(String name, boolean admin, ZoneId zone, Instant fetched) {
            this(name, admin, zone, fetched, true);
        }
    }

    private final Clock clock;
    private final Executor work;
    private final Map<String, Person> known = new ConcurrentHashMap<>();
    /** People whose answer is being asked for again beside their request: one users.info at a time each. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    People(Clock clock, Executor work) {
        this.clock = clock;
        this.work = work;
    }

    /** The invocation for {@code userId} in {@code teamId}; {@code fallbackName} when Slack does not say. */
    Invocation invocation(MethodsClient client, String teamId, String userId, String fallbackName, String origin) {
        Person p = person(client, teamId, userId, fallbackName);
        return new Invocation(FrontEnd.SLACK, teamId, userId, p.name(), p.admin(), p.zone(), origin, p.known());
    }

    /**
     * The same, waiting at most {@code waitMillis} for users.info (for a request whose ack must not wait on Slack):
     * when Slack is slower, the person is taken as Slack did not say (no admin rights, UTC) this once, and the lookup
     * still finishes and is kept for their next request.
     */
    Invocation invocation(MethodsClient client, String teamId, String userId, String fallbackName, String origin, long waitMillis) {
        Person cached = known.get(teamId + "/" + userId);
        Person p;
        if (cached != null && cached.fetched().plus(KEEP).isAfter(clock.instant())) {
            p = cached;
        } else {
            CompletableFuture<Person> lookup = CompletableFuture.supplyAsync(() -> person(client, teamId, userId, fallbackName), work);
            try {
                p = lookup.get(Math.max(0, waitMillis), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                log.info("users.info did not answer within the ack budget; this request goes on without it");
                p = new Person(fallbackName, false, null, clock.instant(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p = new Person(fallbackName, false, null, clock.instant(), false);
            }
        }
        return new Invocation(FrontEnd.SLACK, teamId, userId, p.name(), p.admin(), p.zone(), origin, p.known());
    }

    /** Forget-me: what Slack said about the person is forgotten with their rows (see command/PeopleInMemory). */
    @Override
    public void eraseUser(Sql tx, PersonalData.Person person, Map<Count, Integer> counted) {
        if (person.workspace().frontEnd() == FrontEnd.SLACK) {
            known.remove(person.workspace().externalId() + "/" + person.externalId());
        }
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        forgetWorkspace(tx, workspace.frontEnd(), workspace.externalId());
    }

    @Override
    public void forgetWorkspace(Sql q, FrontEnd frontEnd, String externalId) {
        if (frontEnd == FrontEnd.SLACK) {
            known.keySet().removeIf(key -> key.startsWith(externalId + "/"));
        }
    }

    private Person person(MethodsClient client, String teamId, String userId, String fallbackName) {
        String key = teamId + "/" + userId;
        Instant now = clock.instant();
        Person cached = known.get(key);
        if (cached != null && cached.fetched().plus(KEEP).isAfter(now)) {
            return cached;
        }
        if (cached != null && cached.known() && !cached.admin() && cached.fetched().plus(STALE_AT_MOST).isAfter(now)) {
            refreshBeside(client, key, userId, fallbackName, cached);
            return cached;
        }
        return keep(key, lookUp(client, userId, fallbackName, now));
    }

    private Person keep(String key, Person person) {
        if (known.size() >= MAX_KEPT) {
            known.clear();
        }
        known.put(key, person);
        return person;
    }

    /**
     * Asks users.info again on a worker. When Slack does not answer, what it said last is kept for another few
     * minutes (still without admin rights), so a failing Slack is not asked on every request.
     */
    private void refreshBeside(MethodsClient client, String key, String userId, String fallbackName, Person stale) {
        if (!refreshing.add(key)) {
            return;
        }
        try {
            work.execute(() -> {
                try {
                    Instant now = clock.instant();
                    Person fresh = lookUp(client, userId, fallbackName, now);
                    keep(key, fresh.known() ? fresh : new Person(stale.name(), false, stale.zone(), now));
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RejectedExecutionException stopping) {
            refreshing.remove(key);
        }
    }

    private static Person lookUp(MethodsClient client, String userId, String fallbackName, Instant now) {
        try {
            UsersInfoResponse info = client.usersInfo(r -> r.user(userId));
            if (!info.isOk() || info.getUser() == null) {
                log.info("users.info failed for a user: {}", info.getError());
                return new Person(fallbackName, false, null, now, false);
            }
            User u = info.getUser();
            String name = u.getProfile() != null && notBlank(u.getProfile().getDisplayName()) ? u.getProfile().getDisplayName()
                    : notBlank(u.getRealName()) ? u.getRealName() : fallbackName;
            boolean admin = u.isAdmin() || u.isOwner() || u.isPrimaryOwner();
            return new Person(name, admin, zone(u.getTz()), now);
        } catch (Exception e) {
            log.info("users.info could not be called: {}", e.getMessage());
            return new Person(fallbackName, false, null, now, false);
        }
    }

    private static ZoneId zone(String tz) {
        try {
            return tz == null ? null : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

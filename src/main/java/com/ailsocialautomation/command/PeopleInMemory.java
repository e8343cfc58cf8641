package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What this process remembers of people without writing it: the chat ids of the people already recorded (so that an
 * answer that needs nothing stored skips the database), and each front end's memory of what its chat said about a
 * person (a Slack users.info answer). It is an owner of personal data like the tables' owners: forget-me and
 * workspace removal reach it in the same erasure, so the process stops remembering them at once rather than when a
 * cache would have expired. (Another instance's memory ends with its own expiry, at most a day; PRIVACY.md says so.)
 */
public final class PeopleInMemory implements PersonalData {
    /** Bounded memory: past it the set starts over, and the people forgotten are read once more. */
    private static final int MAX_RECORDED = 100_000;

    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final List<PersonalData> frontEnds = new CopyOnWriteArrayList<>();

    /** A front end's memory of people, erased with them from now on. */
    public void add(PersonalData frontEndMemory) {
        frontEnds.add(frontEndMemory);
    }

    boolean recorded(Invocation invocation) {
        return recorded.contains(key(invocation.frontEnd(), invocation.workspaceId(), invocation.userId()));
    }

    void record(Invocation invocation) {
        if (recorded.size() >= MAX_RECORDED) {
            recorded.clear();
        }
        recorded.add(key(invocation.frontEnd(), invocation.workspaceId(), invocation.userId()));
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        Workspace w = person.workspace();
        recorded.remove(key(w.frontEnd(), w.externalId(), person.externalId()));
        frontEnds.forEach(memory -> memory.eraseUser(tx, person, counted));
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        forgetWorkspace(tx, workspace.frontEnd(), workspace.externalId());
    }

    @Override
    public void forgetWorkspace(Sql q, FrontEnd frontEnd, String externalId) {
        String prefix = key(frontEnd, externalId, "");
        recorded.removeIf(k -> k.startsWith(prefix));
        frontEnds.forEach(memory -> memory.forgetWorkspace(q, frontEnd, externalId));
    }

    private static String key(FrontEnd frontEnd, String workspace, String user) {
        return frontEnd.id() + "/" + workspace + "/" + user;
    }
}

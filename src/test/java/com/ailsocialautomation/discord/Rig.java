package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** The Discord listeners over a given command layer, with an executor that runs at once or on demand. */
final class Rig {
    final CommandService commands;
    final List<Runnable> queued = new ArrayList<>();
    final ComponentIds ids = new ComponentIds(Clock.systemUTC());
    final Messages messages = new Messages(ids);
    final Modals modals = new Modals(ids);
    final SlashCommands slash;
    final Buttons buttons;
    final ModalSubmissions submissions;

    /** {@code immediate}: work runs inside the listener call ({@code Runnable::run}); else it waits in {@link #queued}. */
    Rig(CommandService commands, boolean immediate) {
        this.commands = commands;
        Executor executor = immediate ? Runnable::run : queued::add;
        Deferred deferred = new Deferred(executor, messages);
        slash = new SlashCommands(commands, deferred, modals);
        buttons = new Buttons(commands, ids, deferred, modals);
        submissions = new ModalSubmissions(commands, ids, deferred);
    }

    void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }
}

package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/** One subcommand (or a family of closely related ones). */
public interface Handler {
    /** The subcommands this handler serves; every subcommand has exactly one handler. */
    Set<Subcommand> serves();

    /** Executes the command for the caller; throws UserError for anything the caller can fix. */
    Reply handle(Caller caller, ParsedCommand command);

    /**
     * The answer to {@code command} when it needs nothing of the caller, nothing stored and no remote call (help's
     * overview), else null; such an answer is the same as {@link #handle}'s and is given without the database.
     */
    default Reply fromMemory(ParsedCommand command) {
        return null;
    }

    /** A handler of one subcommand that does {@code work}. */
    static Handler of(Subcommand served, BiFunction<Caller, ParsedCommand, Reply> work) {
        return new Handler() {
            @Override
            public Set<Subcommand> serves() {
                return EnumSet.of(served);
            }

            @Override
            public Reply handle(Caller caller, ParsedCommand command) {
                return work.apply(caller, command);
            }
        };
    }

    /** This handler serving only those of its subcommands that are in {@code kept}. */
    default Handler only(Set<Subcommand> kept) {
        Handler whole = this;
        EnumSet<Subcommand> served = EnumSet.noneOf(Subcommand.class);
        served.addAll(whole.serves());
        served.retainAll(kept);
        return new Handler() {
            @Override
            public Set<Subcommand> serves() {
                return served;
            }

            @Override
            public Reply handle(Caller caller, ParsedCommand command) {
                return whole.handle(caller, command);
            }

            @Override
            public Reply fromMemory(ParsedCommand command) {
                return whole.fromMemory(command);
            }
        };
    }
}

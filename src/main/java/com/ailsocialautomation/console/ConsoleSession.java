package com.ailsocialautomation.console;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/** Reads one command per line and prints each reply as plain text. */
public final class ConsoleSession {
    static final String FRONT_END = "console";

    private final CommandService commands;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final Invocation local = new Invocation(FRONT_END, "console", "local", "local", true, ZoneId.systemDefault(), "console");

    public ConsoleSession(CommandService commands, BufferedReader in, PrintStream out, boolean interactive) {
        this.commands = commands;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
    }

    public void run() {
        print("AIL console: type /ail commands (the /ail is optional), `help` for help; Ctrl-D ends.");
        try {
            while (true) {
                if (interactive) {
                    out.print("ail> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
                    return;
                }
                String command = line.strip();
                if (command.startsWith("/ail")) {
                    command = command.substring(4).strip();
                }
                if (command.isEmpty() && !interactive) {
                    continue;
                }
                print(commands.run(local, command).toPlainText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks a yes/no question; anything but yes is no. */
    boolean confirm(Reply question) {
        print(question.toPlainText() + "\nType yes to confirm, anything else to keep everything:");
        try {
            String answer = in.readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

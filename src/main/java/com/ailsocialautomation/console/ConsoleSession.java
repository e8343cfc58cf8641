package com.ailsocialautomation.console;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one command per line and prints each reply as a terminal shows it ({@link Terminal}). A reply that carries a file (my-data) is saved
 * in the first of {@code fileDirectories} that takes it, readable by the owner only, and its path printed.
 */
public final class ConsoleSession {

    private final CommandService commands;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final List<Path> fileDirectories;
    static final Invocation LOCAL = new Invocation(FrontEnd.CONSOLE, "console", "local", "local", true, ZoneId.systemDefault(), "console");

    public ConsoleSession(CommandService commands, BufferedReader in, PrintStream out, boolean interactive) {
        this(commands, in, out, interactive, List.of(Path.of("").toAbsolutePath()));
    }

    public ConsoleSession(CommandService commands, BufferedReader in, PrintStream out, boolean interactive,
                          List<Path> fileDirectories) {
        this.commands = commands;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.fileDirectories = List.copyOf(fileDirectories);
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
                line = continued(line);
                String command = line.strip();
                // A command copied from help or a reply may keep its `code` marks.
                if (command.length() > 1 && command.startsWith("`") && command.endsWith("`")) {
                    command = command.substring(1, command.length() - 1).strip();
                }
                if (command.startsWith("/ail")) {
                    command = command.substring(4).strip();
                }
                if (command.isEmpty()) {
                    continue; // an empty line does nothing; `help` helps
                }
                answer(run(command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line that ends in a backslash goes on with the next one, the text keeping the line break: how a text of
     * several lines is typed here, such as a thread's parts with a line holding only {@code ---} between them.
     */
    private String continued(String first) throws IOException {
        StringBuilder text = new StringBuilder(first);
        while (text.length() > 0 && text.charAt(text.length() - 1) == '\\') {
            if (interactive) {
                out.print("...> ");
                out.flush();
            }
            String next = in.readLine();
            text.setLength(text.length() - 1);
            if (next == null) {
                break;
            }
            text.append('\n').append(next);
        }
        return text.toString();
    }

    /** Parses the line here, so that media:<path> can become a file of this machine before the command runs. */
    private Reply run(String line) {
        ParsedCommand command;
        try {
            command = LocalMedia.attach(CommandParser.parse(line), Path.of("").toAbsolutePath());
        } catch (UserError e) {
            return Reply.of(e.getMessage());
        }
        return commands.run(LOCAL, command);
    }

    /**
     * Prints a reply and follows it up the way a chat modal or button would: a form is asked for input by input,
     * and a reply offering a {@code confirm-...} button asks yes/no before pressing it.
     */
    private void answer(Reply reply) throws IOException {
        print(Terminal.render(reply, interactive));
        if (reply.file() != null) {
            print(ConsoleFiles.save(reply.file(), fileDirectories));
        }
        if (reply.form() != null) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Reply.Input input : reply.form().inputs()) {
                String value = ask(input);
                if (value == null) {
                    return;
                }
                values.put(input.id(), value);
            }
            answer(commands.submit(LOCAL, reply.form().submitAction(), values));
            return;
        }
        for (Reply.Button button : reply.buttons()) {
            if (button.actionId().startsWith("confirm-")) {
                print("Type yes to " + button.label().toLowerCase() + ", anything else to keep everything:");
                String yes = in.readLine();
                if (yes != null && yes.strip().equalsIgnoreCase("yes")) {
                    answer(commands.press(LOCAL, button.actionId()));
                } else {
                    print("Nothing was changed.");
                }
                return;
            }
        }
    }

    private String ask(Reply.Input input) throws IOException {
        print(input.label() + (input.placeholder() == null ? "" : " (" + input.placeholder() + ")") + ":");
        if (input.secret() && interactive && System.console() != null) {
            char[] secret = System.console().readPassword();
            return secret == null ? null : new String(secret);
        }
        String line = in.readLine();
        return line == null ? null : line.strip();
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

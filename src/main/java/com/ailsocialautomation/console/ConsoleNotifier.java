package com.ailsocialautomation.console;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Notifier;

import java.io.PrintStream;

/** Direct messages for the console user are printed, marked as such. */
public final class ConsoleNotifier implements Notifier {
    private final PrintStream out;

    public ConsoleNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public FrontEnd frontEnd() {
        return FrontEnd.CONSOLE;
    }

    @Override
    public void direct(String workspaceId, String userId, Reply message) {
        synchronized (out) {
            out.println("[message for " + userId + "] " + Terminal.render(message, System.console() != null).replace("\n", "\n  "));
            out.flush();
        }
    }
}

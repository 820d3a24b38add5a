package nrw.kinetz.devstack;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinetz users}: the people who can sign in to the dashboard, with their generated passwords. */
@Command(name = "users", description = "Print the dashboard's sign-in users (laki, viewer, ki-05974) and their passwords.")
final class UsersCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        DevstackLayout layout = stack.layout();
        try {
            print(DevstackSecrets.of(layout).users(), layout, System.out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("[kinetz] " + e.getMessage());
            return 1;
        }
    }

    /** One user per line, name and password separated by blanks, after a line that says where to use them. */
    static void print(Map<String, String> users, DevstackLayout layout, PrintStream out) {
        out.println("Sign in at http://localhost:" + layout.portOf(DevstackLayout.REPORTING) + "/ (\"Anmelden\"); "
                + "laki sees exact numbers, viewer and ki-<siteId> suppressed ones.");
        int width = users.keySet().stream().mapToInt(String::length).max().orElse(0);
        users.forEach((user, password) -> out.println(String.format("%-" + Math.max(width, 1) + "s  %s", user, password)));
    }
}

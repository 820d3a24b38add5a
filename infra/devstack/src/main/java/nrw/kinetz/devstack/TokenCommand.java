package nrw.kinetz.devstack;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kinetz token <clientId>}: an access token from the devstack's authorization server (last line of output). */
@Command(name = "token", description = "Print an access token for a devstack client (laki, viewer, ki-<siteId>); the token is the last line.")
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<clientId>", description = "laki, viewer or ki-<siteId>, e.g. ki-05974")
    String clientId;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try {
            System.out.println(new DevstackTokens(stack.layout()).token(clientId));
            return 0;
        } catch (IllegalStateException | java.net.ConnectException e) {
            System.err.println("[kinetz] " + (e.getMessage() == null ? "the authorization server does not answer — is the devstack running?" : e.getMessage()));
            return 1;
        }
    }
}

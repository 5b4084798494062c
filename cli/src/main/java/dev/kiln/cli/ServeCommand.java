package dev.kiln.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kiln serve}: builds the site, serves it, and rebuilds and reloads open tabs on every change. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = {"Serves the site in SITE (default: the current folder) and rebuilds it on every change.",
                "Open browser tabs reload after each rebuild, and show a failed build's problems."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions siteOptions;

    @Option(names = {"-p", "--port"}, description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 1313;

    @Option(names = "--host", description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var request = siteOptions.request(null, false, true);
        LiveSession session;
        try {
            session = LiveSession.start(request, host, port, new BuildReport(out, err));
        } catch (IOException e) {
            err.println("error: cannot serve on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("warning: serving on " + host + ": other machines can reach this server");
        }
        out.println("serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + session.port()
                + "/ and watching " + siteOptions.site + " (Ctrl+C stops)");
        out.flush();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                session.close();
            } catch (IOException e) {
                err.println("warning: could not save the build cache: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}

package dev.kiln.cli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code kiln serve}: builds the site, serves it, and rebuilds and reloads open tabs on every change. */
final class ServeCommand implements Subcommand {
    private static final int PORT = 1313;
    private static final String HOST = "127.0.0.1";

    private static final Usage USAGE = Usage.ofSite("serve",
            "Serves the site in SITE (default: the current folder) and rebuilds it on every change.",
            "Open browser tabs reload after each rebuild, and show a failed build's problems.");

    @Override
    public Usage usage() {
        return USAGE;
    }

    @Override
    public Options options() {
        return SiteOptions.addTo(new Options()
                .addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
                        .desc("The port to listen on (default: " + PORT + ").").build())
                .addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                        .desc("The address to listen on (default: " + HOST + ", this machine only).").build()));
    }

    @Override
    public int run(Arguments arguments) throws InterruptedException {
        var out = arguments.out();
        var err = arguments.err();
        var siteOptions = SiteOptions.of(arguments);
        int port = arguments.number("port", PORT);
        var host = arguments.text("host", HOST);
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
                + "/ and watching " + siteOptions.site() + " (Ctrl+C stops)");
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

package kol.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kol.app.Gateway;
import kol.app.Providers;
import kol.base.Settings;
import kol.base.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code ./kol serve}: runs the gateway until stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the gateway: the Twilio webhook and media stream server, on the settings from the "
                + "environment (see the README's settings table).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("kol.server");

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = Settings.fromEnvironment().validateAll();
        } catch (SettingsException e) {
            System.err.println("kol serve: bad setting: " + e.getMessage());
            return 2;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(settings, Providers::conversationApp, kol.tx.TxTelemetry.NONE);
        } catch (SettingsException | java.io.IOException e) {
            // A bad flow file names its line and column; a provider that cannot start says what to do.
            System.err.println("kol serve: cannot start: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: no new calls; closing {} call(s) in progress", gateway.server().activeCalls());
            try {
                gateway.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
            stopped.countDown();
        }, "kol-shutdown"));
        stopped.await();
        return 0;
    }
}

package aero.severity.api;

import java.time.Clock;

import aero.severity.api.auth.ClientsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP service: calibrated accident-severity predictions and the NTSB data behind them.
 *
 * <p>{@code java -jar api.jar} serves; {@code java -jar api.jar clients ...} runs the client
 * administration command against the same database and exits (see {@link ClientsCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeverityApiApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("clients")) {
            System.exit(ClientsCommand.run(args));
        }
        SpringApplication.run(SeverityApiApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

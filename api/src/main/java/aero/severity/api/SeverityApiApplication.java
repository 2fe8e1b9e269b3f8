package aero.severity.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The HTTP service: calibrated accident-severity predictions and the NTSB data behind them. */
@SpringBootApplication
public class SeverityApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeverityApiApplication.class, args);
    }
}

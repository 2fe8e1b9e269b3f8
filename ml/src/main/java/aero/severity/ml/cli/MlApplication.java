package aero.severity.ml.cli;

import java.util.Map;

import aero.severity.ml.monitoring.RetrainPolicy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * {@code java -jar ml/target/ml.jar train|evaluate|promote ...}. Reads its settings from
 * {@code ml-cli.yml} (not {@code application.yml}: this module is also a library inside the api,
 * whose own {@code application.yml} must stay the only one).
 */
@SpringBootApplication
@EnableConfigurationProperties({TrainingProperties.class, RetrainPolicy.class})
public class MlApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MlApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.config.name", "ml-cli"));
        System.exit(SpringApplication.exit(application.run(args)));
    }
}

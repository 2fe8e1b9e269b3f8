package aero.severity.ml;

import java.util.UUID;

import aero.severity.testing.RealServices;
import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServicesExtension.class)
class MlflowRoundTripIT {

    @Test
    void mlflowClientLogsAMetricAndReadsItBackFromTheTrackingServer(RealServices services) {
        MlflowClient mlflow = new MlflowClient(services.mlflowUri());
        try {
            String experimentId = mlflow.createExperiment("it-roundtrip-" + UUID.randomUUID());
            RunInfo created = mlflow.createRun(experimentId);

            mlflow.logMetric(created.getRunId(), "macro_f1", 0.4321);
            mlflow.setTag(created.getRunId(), "purpose", "round trip");

            Run run = mlflow.getRun(created.getRunId());
            assertThat(run.getInfo().getExperimentId()).isEqualTo(experimentId);
            assertThat(run.getData().getMetricsList())
                    .extracting(Metric::getKey, Metric::getValue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("macro_f1", 0.4321));
            assertThat(run.getData().getTagsList()).anySatisfy(tag -> {
                assertThat(tag.getKey()).isEqualTo("purpose");
                assertThat(tag.getValue()).isEqualTo("round trip");
            });
        } finally {
            mlflow.close();
        }
    }
}

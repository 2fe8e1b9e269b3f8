package aero.severity.api.events;

import java.util.List;

import aero.severity.api.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BoundingBoxTest {

    @Test
    void parsesMinLonMinLatMaxLonMaxLat() {
        assertThat(BoundingBox.parse(" -105.5, 39.0,-104.0 ,40.5"))
                .isEqualTo(new BoundingBox(-105.5, 39.0, -104.0, 40.5));
    }

    @Test
    void refusesWhatIsNotABoxAndNamesTheParameter() {
        for (String text :
                List.of("", "1,2,3", "1,2,3,4,5", "a,2,3,4", "NaN,0,1,1", "-181,0,1,1", "0,-91,1,1", "0,10,1,5")) {
            assertThatThrownBy(() -> BoundingBox.parse(text))
                    .as(text)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("bbox");
        }
    }

    @Test
    void aBoxAcrossTheAntimeridianSplitsInTwo() {
        assertThat(BoundingBox.parse("170,50,-170,60").parts())
                .containsExactly(new BoundingBox(170, 50, 180, 60), new BoundingBox(-180, 50, -170, 60));
        assertThat(BoundingBox.parse("-10,50,10,60").parts()).hasSize(1);
    }

    @Test
    void geodesicCoverMovesTheEdgeNearerTheEquatorByTheGreatCircleBulge() {
        // northern box: the southern edge, as a great circle over 40 degrees of longitude, peaks near 41.8
        double[] north = new BoundingBox(-120, 40, -80, 45).geodesicCoverLatitudes();
        assertThat(north[1]).isEqualTo(45);
        assertThat(north[0]).isCloseTo(40 - (41.76 - 40) - 0.01, within(0.05));
        // southern box: mirror image
        double[] south = new BoundingBox(-120, -45, -80, -40).geodesicCoverLatitudes();
        assertThat(south[0]).isEqualTo(-45);
        assertThat(south[1]).isCloseTo(-40 + (41.76 - 40) + 0.01, within(0.05));
        // across the equator both edges bulge outwards already
        assertThat(new BoundingBox(-10, -5, 10, 5).geodesicCoverLatitudes()).containsExactly(-5, 5);
    }

    @Test
    void boxesAroundACircleCoverItAndSplitAtTheAntimeridian() {
        List<BoundingBox> sf = EventRepository.aroundCircle(37.6, -122.4, 20);
        assertThat(sf).hasSize(1);
        assertThat(sf.get(0).maxLat() - sf.get(0).minLat()).isCloseTo(2 * 20 / 111.195, within(0.001));

        List<BoundingBox> pacific = EventRepository.aroundCircle(52.2, 179.9, 100);
        assertThat(pacific).hasSize(2);
        assertThat(pacific.get(1).minLon()).isEqualTo(-180);

        assertThat(EventRepository.aroundCircle(89.95, 0, 50))
                .containsExactly(new BoundingBox(-180, 89.95 - Math.toDegrees(50 / 6371.0088), 180, 90));
    }

    @Test
    void haversineMatchesTheKnownSfoOakDistanceWithinHalfAPercent() {
        assertThat(EventRepository.haversineKm(37.6213, -122.3790, 37.7126, -122.2210))
                .isCloseTo(17.23, within(0.09));
    }
}

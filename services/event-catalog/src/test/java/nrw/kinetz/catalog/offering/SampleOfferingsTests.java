package nrw.kinetz.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.catalog.offering.domain.Offering;

class SampleOfferingsTests {

    @Test
    void everySampleIsAValidOfferingMarkedAsSampleDataWithAStableId() {
        LocalDate today = LocalDate.of(2027, 3, 1);

        List<Offering> samples = SampleOfferings.drafts(today);

        assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
        assertThat(samples).allSatisfy(offering -> {
            assertThat(offering.description()).startsWith(SampleOfferings.MARK);
            assertThat(offering.firstStart().toLocalDate()).isAfter(today);
            assertThat(offering.registrationDeadline()).isBefore(offering.firstStart());
        });
        assertThat(SampleOfferings.drafts(today.plusDays(5)).stream().map(Offering::id))
                .containsExactlyElementsOf(samples.stream().map(Offering::id).toList());
    }
}

package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PROTOCOL-v3 F: a date-only end is the whole of that day (v2 read it as its first instant: 41 days, not 42). */
class DateOnlyEndTest {

    @ParameterizedTest(name = "{0} to {1} -> {2} days")
    @CsvSource({
        "2026-05-05T10:00:00Z, 2026-06-16, 42", // v2: 41 (fell short of adequacy)
        "2026-05-05T10:00:00Z, 2026-06-16T09:00:00Z, 41", // a time of day is kept as given
        "2026-05-05, 2026-05-05, 0",
        "2026-05-01, 2026-05, 30", // a month-only end is the whole month
        "2026-01-01, 2026, 364"
    })
    void aDateOnlyEndIsTheWholeDay(String start, String end, long days) {
        Period period = new Period();
        period.getStartElement().setValueAsString(start);
        period.getEndElement().setValueAsString(end);
        Instant from = FhirValues.start(period);
        Instant to = FhirValues.end(period);
        assertThat(Duration.between(from, to).toDays()).isEqualTo(days);
        assertThat(to).isAfter(from);
    }
}

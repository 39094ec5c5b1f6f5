package nl.klachten.committee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates in mail are written for people, never ISO (issue 11, CONTRACT §4). */
class PeopleDatesTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@ParameterizedTest
	@CsvSource({ "2026-12-01, 1 december 2026, 1 dec", "2027-03-31, 31 maart 2027, 31 mrt",
			"2028-02-29, 29 februari 2028, 29 feb", "2026-05-09, 9 mei 2026, 9 mei" })
	void writesTheDayInDutch(LocalDate day, String full, String brief) {
		assertThat(PeopleDates.date(day)).isEqualTo(full);
		assertThat(PeopleDates.shortDate(day)).isEqualTo(brief);
	}

	/**
	 * English mail to a complainant (CONTRACT §4): "1 December 2026"; any other language
	 * stays Dutch.
	 */
	@ParameterizedTest
	@CsvSource({ "2026-12-01, 1 December 2026", "2027-03-31, 31 March 2027", "2026-05-09, 9 May 2026" })
	void writesTheDayInEnglishForEnglishMail(LocalDate day, String english) {
		assertThat(PeopleDates.date(day, Language.EN)).isEqualTo(english);
		assertThat(PeopleDates.date(day, Language.NL)).isEqualTo(PeopleDates.date(day));
		assertThat(PeopleDates.date(null, Language.EN)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "2026-12-01T21:11:16.086886421+01:00, 1 december 2026 om 21:11",
			"2026-12-01T23:30:00Z, 2 december 2026 om 00:30", "2026-07-01T10:00:00Z, 1 juli 2026 om 12:00" })
	void writesAMomentInTheCommitteesZone(OffsetDateTime moment, String expected) {
		assertThat(PeopleDates.dateTime(moment, AMSTERDAM)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void writesNothingForNoDate() {
		assertThat(PeopleDates.date(null)).isEmpty();
		assertThat(PeopleDates.dateTime(null, AMSTERDAM)).isEmpty();
	}

}

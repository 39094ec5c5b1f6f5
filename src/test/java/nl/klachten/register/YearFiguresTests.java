package nl.klachten.register;

import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalDouble;

import nl.klachten.committee.TermsSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The yearly figures over a constructed register ({@link ConstructedYear}), every figure
 * exact.
 */
class YearFiguresTests {

	@TempDir
	Path dir;

	private YearFigures figures;

	@BeforeEach
	void build() {
		TermsSettings terms = new TermsSettings(ZoneId.of("Europe/Amsterdam"), Period.ofDays(14), Period.ofDays(28),
				Period.ofDays(56), Period.ofMonths(12), Period.ofYears(1));
		this.figures = new YearFigures(JdbcClient.create(ConstructedYear.build(this.dir.resolve("register.db"))),
				terms);
	}

	@Test
	void shouldCountOnlyComplaintsSubmittedInTheYearWhenOthersExist() {
		YearReport report = this.figures.of(2026);
		assertThat(report.year()).isEqualTo(2026);
		assertThat(report.complaints()).isEqualTo(10);
		assertThat(this.figures.of(2025).complaints()).isEqualTo(5);
	}

	@Test
	void shouldCountStatusesAndAssessmentsWhenYearHasAllOfThem() {
		YearReport report = this.figures.of(2026);
		assertThat(report.byStatus()).containsExactly(Map.entry("in_behandeling", 2L), Map.entry("afgehandeld", 7L),
				Map.entry("ingetrokken", 1L));
		assertThat(report.byAssessment()).containsExactly(Map.entry("gegrond", 3L), Map.entry("deels_gegrond", 1L),
				Map.entry("ongegrond", 3L));
	}

	@Test
	void shouldCountAppealsByOutcomeWhenOneIsPending() {
		assertThat(this.figures.of(2026).appeals())
			.isEqualTo(new YearReport.Appeals(3, 1, Map.of("gegrond", 1L, "ongegrond", 1L)));
	}

	@Test
	void shouldJudgeFirstAcknowledgementByLocalDateWhenSentAroundDayFourteen() {
		assertThat(this.figures.of(2026).acknowledgements()).isEqualTo(new YearReport.Acknowledgements(6, 2, 2));
	}

	@Test
	void shouldSplitDecisionsIntoTermExtendedTermAndLateWhenExtensionsExist() {
		YearReport.Decisions decisions = this.figures.of(2026).decisions();
		assertThat(decisions).isEqualTo(new YearReport.Decisions(4, 1, 2));
		assertThat(decisions.decided()).isEqualTo(7);
	}

	@Test
	void shouldGiveMeanAndMiddleValueWhenDecidedCountIsOdd() {
		YearReport.HandlingTime time = this.figures.of(2026).handlingTime();
		assertThat(time.decided()).isEqualTo(7);
		assertThat(time.mean().getAsDouble()).isCloseTo(216.0 / 7, within(1e-9));
		assertThat(time.median()).isEqualTo(OptionalDouble.of(28));
	}

	@Test
	void shouldAverageTwoMiddleValuesWhenDecidedCountIsEven() {
		YearReport.HandlingTime time = this.figures.of(2025).handlingTime();
		assertThat(time.decided()).isEqualTo(4);
		assertThat(time.mean()).isEqualTo(OptionalDouble.of(10.25));
		assertThat(time.median()).isEqualTo(OptionalDouble.of(9));
	}

	@Test
	void shouldCountMeasuresAndMissingAnswersWhenCasesAreHandled() {
		assertThat(this.figures.of(2026).measures()).isEqualTo(new YearReport.Measures(3, 2, 2));
	}

	@Test
	void shouldGiveZerosAndNoAveragesWhenYearIsEmpty() {
		YearReport report = this.figures.of(2024);
		assertThat(report.complaints()).isZero();
		assertThat(report.byStatus().values()).containsOnly(0L);
		assertThat(report.byAssessment().values()).containsOnly(0L);
		assertThat(report.appeals()).isEqualTo(new YearReport.Appeals(0, 0, Map.of()));
		assertThat(report.acknowledgements()).isEqualTo(new YearReport.Acknowledgements(0, 0, 0));
		assertThat(report.decisions()).isEqualTo(new YearReport.Decisions(0, 0, 0));
		assertThat(report.handlingTime())
			.isEqualTo(new YearReport.HandlingTime(0, OptionalDouble.empty(), OptionalDouble.empty()));
		assertThat(report.measures()).isEqualTo(new YearReport.Measures(0, 0, 0));
	}

	@Test
	void shouldCountTheWholeOtherYearWhenAskedForIt() {
		YearReport report = this.figures.of(2025);
		assertThat(report.byStatus()).containsExactly(Map.entry("in_behandeling", 0L), Map.entry("afgehandeld", 4L),
				Map.entry("ingetrokken", 1L));
		assertThat(report.appeals()).isEqualTo(new YearReport.Appeals(1, 0, Map.of("gegrond", 1L)));
		assertThat(report.acknowledgements()).isEqualTo(new YearReport.Acknowledgements(1, 0, 4));
		assertThat(report.decisions()).isEqualTo(new YearReport.Decisions(4, 0, 0));
		assertThat(report.measures()).isEqualTo(new YearReport.Measures(1, 0, 3));
	}

}

package nl.klachten;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Time comes from the {@code Clock} bean only (STYLE.md §6): no class, in the application
 * or in its tests, reads the wall clock's date or time of day. So the build fails on a
 * test that would pass in the morning and fail in the afternoon, instead of CI failing at
 * noon. Elapsed time ({@code System.nanoTime}) is not the time of day and stays allowed.
 */
class WallClockTests {

	private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("nl.klachten");

	@Test
	void shouldReadTimeOnlyFromTheClockBean() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("nl.klachten.config.ClockConfiguration")
			.and()
			// the benchmark is no test: it times a real processor against its log's
			// wall-clock stamps
			.resideOutsideOfPackage("nl.klachten.bench..")
			.should()
			.callMethodWhere(wallClock())
			.orShould()
			.callConstructor(Date.class)
			.because("the time of day comes from the Clock bean; tests get a fixed TestClock")
			.check(CLASSES);
	}

	private static DescribedPredicate<JavaAccess<?>> wallClock() {
		return DescribedPredicate.describe("a read of the wall clock", (access) -> {
			String owner = access.getTargetOwner().getName();
			String name = access.getName();
			boolean fromClock = access.getTarget() instanceof CodeUnitAccessTarget target
					&& target.getRawParameterTypes().stream().anyMatch((type) -> type.isAssignableTo(Clock.class));
			boolean now = name.equals("now") && !fromClock
					&& (owner.equals(Instant.class.getName()) || owner.equals(LocalDate.class.getName())
							|| owner.equals(LocalDateTime.class.getName()) || owner.equals(LocalTime.class.getName())
							|| owner.equals(OffsetDateTime.class.getName())
							|| owner.equals(ZonedDateTime.class.getName()) || owner.equals(Year.class.getName())
							|| owner.equals(YearMonth.class.getName()));
			boolean system = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
			boolean clock = owner.equals(Clock.class.getName())
					&& (name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system"));
			boolean calendar = owner.equals(Calendar.class.getName()) && name.equals("getInstance");
			return now || system || clock || calendar;
		});
	}

}

package nl.klachten;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The clock of every Spring test context (see {@link TestClockCustomizerFactory}): fixed
 * at one moment, and it moves only when a test moves it. The moment is {@value #DEFAULT}
 * unless the build sets the system property {@value #PROPERTY} (an ISO-8601 date-time
 * with offset), so the whole suite can be run at 07:59, 08:01 or 23:59 in Amsterdam, or
 * across a DST change, and must pass at each: no test reads the time of day from the wall
 * clock.
 */
public final class TestClock extends Clock {

	public static final String PROPERTY = "complaints.test.clock";

	/** Just after the default digest time, the moment that once made the suite fail. */
	public static final String DEFAULT = "2026-11-30T08:01:00+01:00";

	private volatile Instant now;

	private final ZoneId zone;

	private TestClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** The suite's moment, from {@value #PROPERTY} or {@value #DEFAULT}. */
	public static TestClock configured() {
		return new TestClock(configuredInstant(), ZoneOffset.UTC);
	}

	public static Instant configuredInstant() {
		String value = System.getProperty(PROPERTY);
		return OffsetDateTime.parse(value == null || value.isBlank() ? DEFAULT : value).toInstant();
	}

	/** The suite's day in that zone, for tests that need it before a context exists. */
	public static LocalDate configuredDay(ZoneId zone) {
		return LocalDate.ofInstant(configuredInstant(), zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new View(this, zone);
	}

	/** Moves the clock on (time passing in a test). */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	/** Sets the clock to a moment of the test's choosing. */
	public void set(Instant instant) {
		this.now = Objects.requireNonNull(instant);
	}

	@Override
	public String toString() {
		return "TestClock[" + this.now + "]";
	}

	/** The same moving clock seen in another zone. */
	private static final class View extends Clock {

		private final TestClock clock;

		private final ZoneId zone;

		private View(TestClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return this.clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new View(this.clock, zone);
		}

	}

}

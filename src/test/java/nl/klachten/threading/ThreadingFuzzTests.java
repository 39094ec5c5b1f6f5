package nl.klachten.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.klachten.register.ReferenceNumber;

/**
 * Property-based fuzzing of the threading rules (issue 9): {@link ReferenceFinder} and
 * {@link ReplyText#split} on arbitrary text never throw, finish in bounded time, and give
 * only well-formed results. The number of tries is {@code jqwik.tries.default} (pom.xml,
 * scripts/fuzz).
 */
class ThreadingFuzzTests {

	private static final Duration HANG_BOUND = Duration.ofSeconds(5);

	private static final String PREFIX = "KK";

	private static final String WELL_FORMED = PREFIX + "-\\d{4}-\\d{4,9}";

	private static final List<String> REPLY_LINES = List.of("> quoted", ">", "> > STATUS",
			"Op 12 jan. 2026 om 10:00 schreef Piet <piet@example.org>:", "On Mon, 2 Feb 2026 at 09:00, x wrote:",
			"-----Original Message-----", "-- ", "--", "____________", "From: Piet", "Van: Piet", "Sent: maandag",
			"Onderwerp: Re: [KK-2026-0007]", "Verzonden vanaf mijn iPhone", "Begin forwarded message:", "", " ",
			"Naam: a" + " ".repeat(600) + "b", "*_".repeat(400), "KK-2026-0007", "[kk-2026-0001234]");

	private final ReferenceFinder finder = new ReferenceFinder(PREFIX);

	@Property
	void shouldFindOnlyWellFormedReferencesWhenTextIsArbitrary(@ForAll("texts") String text) {
		List<ReferenceNumber> found = assertTimeoutPreemptively(HANG_BOUND, () -> this.finder.find(text));

		assertThat(found).doesNotHaveDuplicates()
			.allSatisfy((reference) -> assertThat(reference.toString()).matches(WELL_FORMED));
	}

	@Property
	void shouldFindReferenceWhenEmbeddedBetweenSpaces(@ForAll("texts") String before, @ForAll("texts") String after,
			@ForAll @IntRange(min = 2000, max = 2099) int year, @ForAll @IntRange(min = 1, max = 99_999) int sequence) {
		ReferenceNumber reference = new ReferenceNumber(PREFIX, year, sequence);

		List<ReferenceNumber> found = assertTimeoutPreemptively(HANG_BOUND,
				() -> this.finder.find(before + " [" + reference + "] " + after));

		assertThat(found).contains(reference);
	}

	@Property
	void shouldSplitIntoNewTextFromTheBodyWhenReplyIsArbitrary(@ForAll("replies") String body) {
		ReplyText.Split split = assertTimeoutPreemptively(HANG_BOUND, () -> ReplyText.split(body));

		assertThat(split.newText()).isNotNull();
		assertThat(split.rest()).isNotNull();
		assertThat(body.replace("\r\n", "\n")).contains(split.newText());
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
				Arbitraries.strings().withChars("Kk-0123456789[] \n").ofMaxLength(300),
				Arbitraries.strings().withChars("K-2 ").ofMinLength(1000).ofMaxLength(20_000));
	}

	@Provide
	Arbitrary<String> replies() {
		Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(REPLY_LINES),
				Arbitraries.strings().all().excludeChars('\n', '\r').ofMaxLength(120),
				Combinators
					.combine(Arbitraries.of(REPLY_LINES), Arbitraries.strings().withChars(" \t>:@0").ofMaxLength(700))
					.as((l, noise) -> l + noise));
		return Combinators.combine(line.list().ofMaxSize(60), Arbitraries.of("\n", "\r\n"))
			.as((lines, end) -> String.join(end, lines));
	}

}

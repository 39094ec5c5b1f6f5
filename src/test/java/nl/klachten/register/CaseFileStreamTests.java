package nl.klachten.register;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import nl.klachten.committee.MessageId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the export writes case files straight to the generator
 * ({@link CaseFileStream}) instead of through a map per case; the bytes must stay those
 * of the map-based {@link CaseFileJson#write(List, String)} (CONTRACT §6), for every kind
 * of value: nulls everywhere they may be, empty and full lists, a decision and an appeal
 * or none, texts with quotes, backslashes, CRLF, tabs and other control characters,
 * non-ASCII and characters outside the BMP, and a stored Message-ID today's rules refuse.
 */
class CaseFileStreamTests {

	private static final String AWKWARD = "\"Quote\" \\ back\r\nCRLF\ttab \u0000\u0001\u001f\u007f é € ‘x’ 😀 </script>";

	@Test
	void shouldStreamTheSameBytesAsTheMapBasedWriteForEveryKindOfValue() {
		List<CaseFile> cases = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			cases.add(aCase(i));
		}

		assertThat(streamed(cases)).isEqualTo(CaseFileJson.write(cases, "default"));
	}

	@Test
	void shouldStreamAnEmptyArrayAsTheMapBasedWriteDoes() {
		assertThat(streamed(List.of())).isEqualTo(CaseFileJson.write(List.of(), "default"));
	}

	private static byte[] streamed(List<CaseFile> cases) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CaseFileExport json = CaseFileJson.export(out, "default")) {
			cases.forEach(json::write);
		}
		return out.toByteArray();
	}

	private static CaseFile aCase(int i) {
		boolean some = i % 2 == 0;
		OffsetDateTime at = OffsetDateTime.parse("2026-03-29T01:59:59.123456789+01:00").plusHours(i);
		LocalDate date = LocalDate.parse("2026-12-31").plusDays(i);
		List<CaseFile.Extension> extensions = some
				? List.of(new CaseFile.Extension(date, AWKWARD, at), new CaseFile.Extension(null, null, null))
				: List.of();
		CaseFile.Decision decision = i % 3 == 0 ? null : new CaseFile.Decision("gegrond", i % 4 == 0 ? null : date,
				AWKWARD, some ? null : AWKWARD, i % 5 == 0 ? null : "€ 50");
		CaseFile.Appeal appeal = i % 4 == 1 ? null : new CaseFile.Appeal(some ? at : null, date,
				some ? null : "ongegrond", some ? date : null, AWKWARD, extensions);
		List<CaseFile.Measure> measures = some
				? List.of(new CaseFile.Measure(null, at, "chair"), new CaseFile.Measure(AWKWARD, null, null))
				: List.of();
		return new CaseFile("KK-2026-%04d".formatted(i), "afgehandeld", some ? null : "Zoë \"Z\"", "z@example.org",
				some ? null : AWKWARD, "’s-Hertogenbosch", some ? "Stichting €" : null, AWKWARD,
				some ? "line\nline\r\n" : null, some ? null : at, some ? date : null, some, some ? "Piet" : null, null,
				some ? List.of("Router \"X\"", AWKWARD) : List.of(), date, some ? null : date, extensions, !some,
				decision, appeal, measures, letters(i, at), List.of(new CaseFile.Note("note", at, "chair")),
				i % 7 == 0);
	}

	private static List<CaseFile.Entry> letters(int i, OffsetDateTime at) {
		List<CaseFile.Entry> letters = new ArrayList<>();
		for (int l = 0; l < i % 4; l++) {
			boolean some = l % 2 == 0;
			letters.add(new CaseFile.Entry(some ? "in" : "out", some ? at : null, some ? "k@example.org" : null,
					some ? "a@example.org, b@example.org" : null, some ? AWKWARD : null,
					l == 0 ? MessageId.stored("<not an id> ?") : some ? MessageId.stored("1.2@example.org") : null,
					some ? "complaint" : null, some ? "new\r\ntext" : null, some ? AWKWARD : null,
					l == 1 ? List.of("bijlage 1.pdf", "\"rare\" naam\n.pdf") : List.of()));
		}
		return letters;
	}

}

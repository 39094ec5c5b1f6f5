package nl.klachten.register;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import nl.klachten.committee.TermsSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: {@link CaseFiles} loads case files a page at a time with one query per table,
 * and gives the same files, and so the same export bytes (CONTRACT §6), as the per-case
 * queries before it ({@link PerCaseFiles}), over a register with every kind of row: cases
 * with and without products, extensions, a decision, an appeal with and without its own
 * extensions, measures (one recording that none is taken), notes, letters with and
 * without new text and attachments, a purged case, unreadable timestamps, gaps in the
 * ids, and rows of several cases written interleaved, over more than two pages; the
 * export streams them as it reads the next pages on another thread ({@link ReadAhead}).
 */
class CaseFileLoadingTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final int CASES = 2 * CaseFiles.PAGE + 37;

	@TempDir
	Path dir;

	private JdbcClient jdbc;

	private CaseFiles caseFiles;

	private PerCaseFiles perCase;

	private TransactionTemplate transactions;

	@BeforeEach
	void register() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:sqlite:" + this.dir.resolve("register.db"), true);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.caseFiles = new CaseFiles(this.jdbc, new TermsSettings(ZONE, Period.ofDays(14), Period.ofDays(28),
				Period.ofWeeks(8), Period.ofMonths(12), Period.ofYears(2)));
		this.perCase = new PerCaseFiles(this.jdbc, ZONE);
	}

	@Test
	void shouldLoadTheSameCaseFilesAndExportTheSameBytesWhenLoadingByPage() {
		this.transactions.executeWithoutResult((status) -> fill(new Random(15)));

		List<CaseFile> expected = this.perCase.all();
		assertThat(expected).hasSize(CASES);
		assertThat(this.caseFiles.all()).containsExactlyElementsOf(expected);
		assertThat(streamed()).isEqualTo(CaseFileJson.write(expected, "default"));
		for (CaseFile c : expected.subList(0, 40)) {
			ReferenceNumber reference = ReferenceNumber.parse(c.reference()).orElseThrow();
			assertThat(this.caseFiles.find(reference)).isEqualTo(this.perCase.find(reference));
			assertThat(this.caseFiles.filedBy(c.complainantEmail().toUpperCase()))
				.isEqualTo(this.perCase.filedBy(c.complainantEmail()));
		}
		assertThat(this.caseFiles.find(ReferenceNumber.parse("KK-2099-9999").orElseThrow())).isEmpty();
	}

	@Test
	void shouldReadTextsAsGetStringDoesWhenTheyAreEmptyNumbersOrNotUtf8() {
		insert("""
				INSERT INTO complaint (id, reference, complainant_email, subject, description, submitted_at,
				    acknowledge_due, decision_due, complainant_city, complainant_name)
				VALUES (1, 'KK-2026-0001', '', '', CAST(x'41ff42c3' AS TEXT), '', '2026-01-20', '2026-02-17', 42,
				    x'4a6f')""");
		insert("INSERT INTO correspondence (complaint_id, direction, at, subject, kind, body, new_text) "
				+ "VALUES (1, 'in', '2026-01-01T10:00:00.000000000Z', '', 'complaint', CAST(x'ed' AS TEXT), 1.5)");

		List<CaseFile> expected = this.perCase.all();
		assertThat(expected.get(0).subject()).isEmpty();
		assertThat(this.caseFiles.all()).containsExactlyElementsOf(expected);
	}

	@Test
	void shouldExportAnEmptyArrayWhenTheRegisterHasNoCases() {
		assertThat(streamed()).isEqualTo(CaseFileJson.write(List.of(), "default"));
		assertThat(this.caseFiles.all()).isEmpty();
	}

	private byte[] streamed() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CaseFileExport json = CaseFileJson.export(out, "default")) {
			assertThat(this.caseFiles.forEachReadAhead(json::write)).isEqualTo(this.perCase.all().size());
		}
		return out.toByteArray();
	}

	/**
	 * The cases in id order (with gaps), then all their other rows in a shuffled order,
	 * so that row ids do not follow the cases.
	 */
	private void fill(Random random) {
		List<Runnable> rows = new ArrayList<>();
		long id = 0;
		for (int i = 1; i <= CASES; i++) {
			id += 1 + (i % 97 == 0 ? 5 : 0);
			complaint(id, i);
			long c = id;
			int n = i;
			for (int p = 0; p < i % 4; p++) {
				int product = p;
				rows.add(() -> insert("INSERT INTO product (complaint_id, name) VALUES (?, ?)", c,
						"Router \"X\" " + n + "/" + product));
			}
			for (int e = 0; e < i % 3; e++) {
				String notified = e == 0 ? "2026-03-0" + (1 + i % 9) + "T10:00:00.000000000Z" : null;
				rows.add(() -> insert(
						"INSERT INTO extension (complaint_id, to_date, reason, notified_at) VALUES (?, ?, ?, ?)", c,
						"2026-04-1" + n % 10, n % 2 == 0 ? "wachten op de leverancier" : null, notified));
			}
			if (i % 6 == 0) {
				rows.add(() -> insert(
						"INSERT INTO appeal (complaint_id, filed_at, due, grounds, outcome, decided_at) "
								+ "VALUES (?, '2026-05-01T08:00:00.000000000Z', '2026-06-26', ?, ?, ?)",
						c, "niet eens\nmet de oplossing", n % 12 == 0 ? "gegrond" : null,
						n % 12 == 0 ? "2026-06-20" : null));
				for (int e = 0; e < i % 4; e++) {
					rows.add(
							() -> insert(
									"INSERT INTO appeal_extension (complaint_id, to_date, reason, notified_at) "
											+ "VALUES (?, '2026-07-10', 'meer tijd', '2026-06-01T09:00:00.000000000Z')",
									c));
				}
			}
			for (int m = 0; m < i % 3; m++) {
				String text = m == 1 ? null : "maatregel " + n;
				rows.add(() -> insert(
						"INSERT INTO measure (complaint_id, text, recorded_at, recorded_by) VALUES (?, ?, ?, ?)", c,
						text, "2026-06-0" + (1 + n % 9) + "T12:00:00.000000000Z", "voorzitter@example.org"));
			}
			for (int m = 0; m < i % 2 + (i % 5 == 0 ? 2 : 0); m++) {
				rows.add(() -> insert(
						"INSERT INTO note (complaint_id, text, written_at, written_by) VALUES (?, ?, ?, ?)", c,
						"notitie ‘" + n + "’", n % 50 == 0 ? "gisteren" : "2026-02-02T02:02:02.000000000Z", "chair"));
			}
			for (int l = 0; l < 1 + i % 5; l++) {
				int letter = l;
				rows.add(() -> letter(c, n, letter));
			}
		}
		Collections.shuffle(rows, random);
		rows.forEach(Runnable::run);
	}

	private void complaint(long id, int i) {
		boolean decided = i % 3 == 0;
		insert("""
				INSERT INTO complaint (id, reference, status, complainant_name, complainant_email, complainant_address,
				    complainant_city, representative_of, subject, description, submitted_at, arose_on, late,
				    employee_name, employee_email, acknowledge_due, decision_due, management_involved, assessment,
				    decided_at, manner, arguments, solution, purged)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id,
				"KK-2026-%04d".formatted(i), i % 11 == 0 ? "ingetrokken" : decided ? "afgehandeld" : "in_behandeling",
				i % 13 == 0 ? null : "Klager " + i, "Klager" + i % 900 + "@Example.org",
				i % 7 == 0 ? null : "Straat " + i, "Utrecht", i % 9 == 0 ? "Stichting €" : null,
				"Storing \"" + i + "\" \\ é", "Beschrijving\nregel 2 <b>",
				i % 41 == 0 ? "kapot" : "2026-01-%02dT%02d:30:00.000000000Z".formatted(1 + i % 28, i % 24),
				i % 4 == 0 ? null : "2025-12-%02d".formatted(1 + i % 28), i % 10 == 0 ? 1 : 0,
				i % 2 == 0 ? "Piet" : null, i % 2 == 0 ? "piet@klikklaar.com" : null, "2026-01-20",
				i % 43 == 0 ? "geen datum" : "2026-02-17", i % 8 == 0 ? 1 : 0,
				decided ? (i % 2 == 0 ? "gegrond" : "deels_gegrond") : null, decided ? "2026-02-10" : null,
				decided ? "per e-mail" : null, decided ? "Argumenten " + i : null,
				decided && i % 2 == 0 ? "wij betalen € 50 terug" : null, i % 17 == 0 ? 1 : 0);
	}

	private void letter(long complaint, int i, int l) {
		long id = this.jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, sender, recipients, subject, message_id, kind,
				    body, new_text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(complaint, l % 2 == 0 ? "in" : "out", "2026-01-%02dT10:%02d:00.000000000Z".formatted(1 + i % 28, l),
					l == 3 ? null : "klager" + i + "@example.org", l == 2 ? null : "chair@klikklaar.com, b@example.org",
					"Re: [" + i + "]", "<" + i + "." + l + "@example.org>", l == 0 ? "complaint" : "command",
					"tekst\n> citaat " + i, l == 1 ? "tekst" : null)
			.query(Long.class)
			.single();
		for (int a = 0; a < (l == 0 ? i % 3 : 0); a++) {
			insert("INSERT INTO attachment (correspondence_id, file_name, content_type, size, sha256, path) "
					+ "VALUES (?, ?, 'application/pdf', 10, 'x', 'p')", id, "bijlage " + a + ".pdf");
		}
	}

	private void insert(String sql, Object... params) {
		this.jdbc.sql(sql).params(params).update();
	}

}

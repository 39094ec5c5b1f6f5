package nl.klachten.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.intake.MimeParser;
import nl.klachten.intake.ParseResult;
import nl.klachten.intake.Intake;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.MailBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a {@link StackOverflowError} or {@link OutOfMemoryError} while parsing one
 * mail is that mail's failure alone (on the old code it rolled back the whole batch,
 * uncounted, on every poll). The complaint in the same batch is registered the first
 * time, the failure is counted in a transaction of its own on every read of the batch,
 * and after {@code max-attempts} the mail is quarantined with its reason. Whether a real
 * deep mail overflows depends on how far the JIT has shrunk the parser's frames (a
 * 20,000-deep mail overflowed cold and parsed on the third read), so a test-only parser
 * throws the errors for two marked mails; the real deep mail is stopped by the depth
 * limit ({@code HostileMailIntegrationTests}, {@code LimitScanTests}). The batch goes
 * straight to the intake, as the IMAP reader hands it over.
 */
@SpringBootTest(classes = { Application.class, StackOverflowMailIntegrationTests.Exploding.class },
		properties = "complaints.intake.max-attempts=3")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StackOverflowMailIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
	}

	static final String OVERFLOW = "X-Test-Parse: overflow";

	static final String OUT_OF_MEMORY = "X-Test-Parse: out-of-memory";

	@TestConfiguration
	static class Exploding {

		@Bean
		@Primary
		MimeParser explodingParser() {
			return new MimeParser() {

				@Override
				public ParseResult parse(byte[] raw) {
					String head = new String(raw, 0, Math.min(raw.length, 2000), StandardCharsets.ISO_8859_1);
					if (head.contains(OVERFLOW)) {
						throw new StackOverflowError();
					}
					if (head.contains(OUT_OF_MEMORY)) {
						throw new OutOfMemoryError("Java heap space");
					}
					return super.parse(raw);
				}

			};
		}

	}

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{1}")
	@CsvSource({ OVERFLOW + ", StackOverflowError", OUT_OF_MEMORY + ", OutOfMemoryError" })
	void shouldCountTheErrorAndQuarantineAfterMaxAttemptsWhenTheParseFailsWithAnError(String marker, String error) {
		byte[] hostile = aComplaint(uniqueSender(), "Explodeert", "Deze mail laat de parser vallen.", newMessageId(),
				marker + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		String sender = uniqueSender();
		byte[] complaint = aComplaint(sender, "Gewone klacht", "Deze klacht staat achter de kapotte mail.",
				newMessageId())
			.getBytes(StandardCharsets.UTF_8);
		MailBatch batch = new MailBatch(List.of(new FetchedMail(1, null, hostile.length, hostile, null),
				new FetchedMail(2, null, complaint.length, complaint, null)));

		Filing first = this.intake.take(batch);
		assertThat(first.destinations()).as("the complaint is filed, the failing mail waits").containsOnlyKeys(2L);
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", sender)).isOne();
		assertThat(attempts()).containsExactly("1 " + error);

		assertThat(this.intake.take(batch).destinations()).containsOnlyKeys(2L);
		assertThat(attempts()).containsExactly("2 " + error);

		Filing third = this.intake.take(batch);
		assertThat(third.destinations()).containsEntry(1L, Filing.Destination.QUARANTINE)
			.containsEntry(2L, Filing.Destination.PROCESSED);
		assertThat(
				this.jdbc.sql("SELECT reason FROM inbound_mail WHERE outcome = 'quarantined' ORDER BY id DESC LIMIT 1")
					.query(String.class)
					.single())
			.isEqualTo("processing-failed:" + error);
		assertThat(count("SELECT count(*) FROM complaint WHERE complainant_email = ?", sender)).isOne();
	}

	@AfterEach
	void clearFailures() {
		this.jdbc.sql("DELETE FROM intake_failure").update();
	}

	private List<String> attempts() {
		return this.jdbc.sql("SELECT attempts || ' ' || last_error FROM intake_failure").query(String.class).list();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}

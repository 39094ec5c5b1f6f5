package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.MailIntegrationTest;
import nl.klachten.RegisterLock;
import nl.klachten.mailbox.FetchedMail;
import nl.klachten.mailbox.Filing;
import nl.klachten.mailbox.MailBatch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short write transactions (issue 13): the intake commits per mail, so while it works
 * through a batch an admin command (another connection, {@code BEGIN IMMEDIATE} with a
 * busy timeout of a few seconds; on PostgreSQL the register's advisory lock, issue 16)
 * gets the register's write lock between two mails instead of waiting for the whole
 * batch. The moment is made deterministic by a parse hook: when the 20th mail of 40 is
 * parsed, the hook runs the admin write and records whether it got the lock. A batch in
 * one transaction holds the lock from its first write to its commit, so the admin write
 * would fail with {@code SQLITE_BUSY}.
 */
@SpringBootTest(classes = { Application.class, ShortTransactionIntegrationTests.AdminDuringParse.class })
class ShortTransactionIntegrationTests extends MailIntegrationTest {

	private static final String MARK = "ADMIN-WRITES-NOW";

	private static final AtomicReference<String> adminWrite = new AtomicReference<>();

	@Autowired
	private Intake intake;

	@TestConfiguration
	static class AdminDuringParse {

		@Bean
		@Primary
		ParseWorker adminWritingParseWorker(MimeParser parser, Environment environment) {
			return new ParseWorker(parser, 0) {

				@Override
				ParseResult parse(byte[] raw, Duration budget) {
					if (new String(raw, StandardCharsets.UTF_8).contains(MARK)) {
						adminWrite.set(adminWrite(environment));
					}
					return super.parse(raw, budget);
				}

			};
		}

	}

	/**
	 * What an admin command does: take the write lock, change a row, commit; the error if
	 * it could not.
	 */
	static String adminWrite(Environment environment) {
		try (RegisterLock lock = RegisterLock.take(environment, Duration.ofSeconds(5))) {
			lock.statement().executeUpdate("UPDATE complaint SET status = status WHERE id = -1");
			lock.commit();
			return "written";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	@Test
	void shouldLetAnAdminWriteTakeTheLockWhileIntakeWorksThroughABatch() {
		List<FetchedMail> mails = new ArrayList<>();
		List<String> senders = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			String sender = MailFixtures.uniqueSender();
			senders.add(sender);
			String subject = (i == 20) ? "Klacht " + i + " " + MARK : "Klacht " + i;
			byte[] raw = MailFixtures
				.aComplaint(sender, subject, "Klacht nummer " + i + " in een grote batch.", MailFixtures.newMessageId())
				.getBytes(StandardCharsets.UTF_8);
			mails.add(new FetchedMail(900_000 + i, null, raw.length, raw, null));
		}

		Filing filing = this.intake.take(new MailBatch(mails));

		assertThat(adminWrite.get()).as("the admin write while mail 20 of 40 is parsed").isEqualTo("written");
		assertThat(filing.destinations()).hasSize(40).containsValue(Filing.Destination.PROCESSED);
		for (String sender : senders) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

}

package nl.klachten.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailIntegrationTest;
import nl.klachten.RegisterLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A busy register on intake (issue 13): another connection holds the register's write
 * lock longer than {@code complaints.register.busy-timeout} ({@code SQLITE_BUSY}, or on
 * PostgreSQL the lock timeout {@code 55P03}, issue 16). That is no fault of the mail: it
 * is not counted as a failed try (so never quarantined for it), stays in the inbox, the
 * intake backs off ({@link IntakePause}) and takes it once the lock is free: one case,
 * one acknowledgement.
 */
@SpringBootTest(classes = Application.class, properties = "complaints.register.busy-timeout=500ms")
class IntakeRegisterBusyIntegrationTests extends MailIntegrationTest {

	@Autowired
	private IntakePause pause;

	@Autowired
	private Environment environment;

	@Test
	void shouldLeaveTheMailUncountedInTheInboxAndTakeItOnceTheLockIsFree() throws Exception {
		String sender = uniqueSender();
		String messageId = newMessageId();
		try (RegisterLock holder = RegisterLock.take(this.environment, Duration.ofSeconds(5))) {
			Statement statement = holder.statement();
			deliver(greenMail,
					aComplaint(sender, "Klacht tijdens een lange schrijfactie", "Het register is bezet.", messageId));

			await().atMost(WAIT).until(() -> this.pause.faultsInRow() >= 2);
			assertThat(count(statement, "SELECT count(*) FROM intake_failure")).as("counted as the mail's failure")
				.isZero();
			assertThat(count(statement, "SELECT count(*) FROM inbound_mail WHERE message_id = '" + messageId + "'"))
				.isZero();
			assertThat(chairFolder(greenMail, "INBOX"))
				.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
			holder.rollback();
		}

		awaitComplaintFrom(sender);
		awaitMailTo(sender, "Ontvangstbevestiging");
		await().atMost(WAIT).until(() -> this.pause.faultsInRow() == 0);
		await().atMost(WAIT)
			.until(() -> chairFolder(greenMail, "INBOX").stream()
				.noneMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID"))));
		Holds.during(Duration.ofSeconds(1), () -> {
			assertThat(inboxOf(greenMail, sender)).hasSize(1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM complaint WHERE complainant_email = ?")
				.param(sender)
				.query(Integer.class)
				.single()).isEqualTo(1);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake_failure").query(Integer.class).single()).isZero();
	}

	private static int count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

}

package nl.klachten.pipeline;

import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: text that made the old patterns quadratic (a {@code Label: value} line with
 * 300,000 spaces, a MEDEWERKER value and a run of {@code *_} marks in a command) no
 * longer pins the intake thread while it holds the register's write lock: the hostile
 * mail ends in a case or a refusal, and the complaint behind it is acknowledged within
 * the usual seconds (R9).
 */
class HostileTextIntegrationTests extends MailIntegrationTest {

	@Test
	void shouldServeTheNextComplaintWhenALabelLineHoldsHundredsOfThousandsOfSpaces() {
		String hostile = uniqueSender();
		String hostileId = newMessageId();
		deliver(greenMail, aComplaint(hostile, "Storing",
				"Naam: a" + " ".repeat(300_000) + "b\nAdres: " + "\t ".repeat(100_000) + "x\n", hostileId));
		String next = uniqueSender();
		String nextId = newMessageId();
		deliver(greenMail, aComplaint(next, "Gewone klacht", "Mijn internet valt uit.", nextId));

		awaitReplyTo(next, nextId);
		awaitReplyTo(hostile, hostileId);
		assertThat(this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?")
			.param(hostileId)
			.query(String.class)
			.single()).isEqualTo("case");
	}

	@Test
	void shouldServeTheNextComplaintWhenACommandHoldsHostileRuns() {
		String chairId = newMessageId();
		deliver(greenMail,
				aMail(CHAIR, "Klacht",
						"MEDEWERKER Jan" + " ".repeat(200_000) + "x <a@b.nl\nNOTITIE " + "*_".repeat(200_000) + "\n",
						chairId, "", "text/plain; charset=UTF-8"));
		String next = uniqueSender();
		String nextId = newMessageId();
		deliver(greenMail, aComplaint(next, "Gewone klacht", "Mijn tv doet het niet.", nextId));

		awaitReplyTo(next, nextId);
		awaitReplyTo(CHAIR, chairId);
	}

	/**
	 * NUL characters in the subject (an encoded word), the sender's name and the body:
	 * SQLite stores them, PostgreSQL refuses them in text ({@code 22021}). The mail is a
	 * case on both registers (issue 16), not a failure that ends in quarantine.
	 */
	@Test
	void shouldRegisterAComplaintWhoseTextHoldsNulCharacters() {
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail,
				aComplaint(sender, "=?UTF-8?Q?Storing=00nul?=", "Mijn internet\u0000valt uit.\u0000", messageId));
		awaitReplyTo(sender, messageId);
		assertThat(this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?")
			.param(messageId)
			.query(String.class)
			.single()).isEqualTo("case");
		assertThat(this.jdbc.sql("SELECT description FROM complaint WHERE complainant_email = ?")
			.param(sender)
			.query(String.class)
			.single()).contains("valt uit").doesNotContain("\u0000").contains("\uFFFD");
	}

}

package nl.klachten.commands;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HELP} from a fresh mail on a register that never sent anything (issue 11,
 * CONTRACT §5): no mail of ours exists for it to answer, and it is answered all the same.
 * A class of its own, so that the register is that fresh whatever else runs (it was the
 * first of {@link ForgivingCommandsIntegrationTests}, which then had to run in a fixed
 * order).
 */
class FreshInstallHelpIntegrationTests extends MailIntegrationTest {

	static final String TEXT = "text/plain; charset=UTF-8";

	@Test
	void shouldAnswerHelpWhenANewChairSendsAFreshMailBeforeAnyMailCouldBeAnswered() {
		assertThat(count("SELECT count(*) FROM outbox")).as("nothing was ever sent to answer").isZero();
		String asked = newMessageId();
		deliver(greenMail, aMail(CHAIR, "help", "HELP\n", asked, "", TEXT));
		MimeMessage answer = awaitReplyTo(CHAIR, asked);
		assertThat(subject(answer)).startsWith("Verwerkt");
		assertThat(part(answer, "text/plain")).contains("VRAAG-MEDEWERKER").contains("OVERZICHT");
		assertThat(count("SELECT count(*) FROM complaint")).as("HELP is no complaint").isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}

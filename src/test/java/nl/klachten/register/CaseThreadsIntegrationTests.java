package nl.klachten.register;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import nl.klachten.committee.MessageId;
import nl.klachten.RegisterIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids a case's mail is threaded under (CONTRACT §4, issue 11) over a real register:
 * the complaint's own Message-ID and our acknowledgement's, and of any other ids only
 * those of this case alone. A Message-ID is text a sender chooses: one that also names
 * another case's mail, or our mail about no case (the digest), never goes into this
 * case's thread (issue 9).
 */
class CaseThreadsIntegrationTests extends RegisterIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseThreads threads;

	@Test
	void shouldRootThreadInComplaintAndAcknowledgementWhenBothAreTheCasesOwn() {
		long id = aCase();
		String complaint = letter(id, "in", "complaint");
		String ack = letter(id, "out", "acknowledgement");
		letter(id, "out", "chair-notification");

		assertThat(this.threads.root(id)).map(MessageId::value).containsExactly(complaint, ack);
	}

	@Test
	void shouldLeaveComplaintOutOfRootWhenAnotherCaseHasMailWithItsMessageId() {
		long id = aCase();
		String complaint = letter(id, "in", "complaint");
		String ack = letter(id, "out", "acknowledgement");
		letter(aCase(), "in", "follow-up", complaint);

		assertThat(this.threads.root(id)).map(MessageId::value).containsExactly(ack);
	}

	@Test
	void shouldLeaveComplaintOutOfRootWhenOurMailAboutNoCaseHasItsMessageId() {
		long id = aCase();
		String complaint = letter(id, "in", "complaint");
		outbox(null, complaint);

		assertThat(this.threads.root(id)).isEmpty();
	}

	@Test
	void shouldKeepOnlyIdsOfThisCaseWhenCallerGivesIdsFromAMail() {
		long id = aCase();
		long other = aCase();
		String own = letter(id, "in", "follow-up");
		String sent = letter(id, "out", "question-complainant");
		String others = letter(other, "in", "complaint");
		String shared = letter(id, "in", "follow-up");
		letter(other, "in", "follow-up", shared);

		List<MessageId> given = Stream
			.of(others, own, "unknown-" + UUID.randomUUID() + "@example.org", shared, "not an id", sent, own)
			.map(MessageId::stored)
			.toList();

		assertThat(this.threads.ofCase(id, given)).map(MessageId::value).containsExactly(own, sent);
	}

	private long aCase() {
		return this.jdbc.sql("""
				INSERT INTO complaint (reference, complainant_email, subject, description, submitted_at,
				    acknowledge_due, decision_due)
				VALUES (?, 'klager@example.org', 'onderwerp', 'tekst', '2026-11-30T08:01+01:00', '2026-12-14',
				    '2026-12-28')
				RETURNING id""")
			.params("KK-2026-" + UUID.randomUUID().toString().substring(0, 8))
			.query(Long.class)
			.single();
	}

	private String letter(long complaintId, String direction, String kind) {
		return letter(complaintId, direction, kind, UUID.randomUUID() + "@example.org");
	}

	private String letter(long complaintId, String direction, String kind, String messageId) {
		this.jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, message_id, kind)
				VALUES (?, ?, '2026-11-30T08:01+01:00', ?, ?)""")
			.params(complaintId, direction, messageId, kind)
			.update();
		return messageId;
	}

	private void outbox(Long complaintId, String messageId) {
		this.jdbc
			.sql("""
					INSERT INTO outbox (complaint_id, kind, message_id, sender, recipients, raw, created_at, next_attempt)
					VALUES (?, 'daily-digest', ?, 'NCJansen@klikklaar.com', 'NCJansen@klikklaar.com', ?, '2026-11-30T07:01:00Z', 0)""")
			.params(complaintId, messageId, new byte[0])
			.update();
	}

}

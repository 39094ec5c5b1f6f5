package nl.klachten.register;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import nl.klachten.RegisterIntegrationTest;
import nl.klachten.committee.MessageId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message-IDs the register holds that today's rules refuse (rows of older versions, or
 * written before {@link MessageId} was as strict): every repository reads them back as
 * stored, unchanged and without failing, and only a well-formed one is threaded under
 * (issue 14). The rows are written through JDBC, as an older version left them.
 */
class StoredMessageIdsIntegrationTests extends RegisterIntegrationTest {

	private static final String LONG = "a".repeat(MessageId.MAX_LENGTH) + "@example.org";

	static Stream<String> outboxIds() {
		return Stream.of("plain@example.org", "", " ", "no-at-sign", "<bracketed@example.org>", "two words@example.org",
				"a@b@c", "x@y\r\nBcc: evil@example.org", "=?utf-8?q?x?=@example.org", "caf\u00e9@example.org",
				"trailing@example.org ", LONG);
	}

	static Stream<String> oddIds() {
		return Stream.of("", " ", "no-at-sign", "<bracketed@example.org>", "two words@example.org",
				"x@y\r\nBcc: evil@example.org", "caf\u00e9@example.org", LONG);
	}

	static Stream<String> pendingIds() {
		return Stream.of("", "no-at-sign", "<bracketed@example.org>", "two words@example.org",
				"x@y\r\nBcc: evil@example.org", LONG);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	CaseThreads threads;

	@Autowired
	Correspondence correspondence;

	@Autowired
	Retention retention;

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("outboxIds")
	void shouldReadStoredIdUnchangedWhenOutboxRowHoldsIt(String stored) {
		long id = this.jdbc.sql("""
				INSERT INTO outbox (kind, message_id, sender, recipients, raw, created_at, next_attempt)
				VALUES ('daily-digest', ?, 'NCJansen@klikklaar.com', 'NCJansen@klikklaar.com', ?,
				    '2026-11-30T07:01:00.000000000Z', 0)
				RETURNING id""").params(stored, new byte[] { 0 }).query(Long.class).single();
		try {
			QueuedMail queued = this.outbox.due(Instant.parse("2026-12-01T00:00:00Z"), Integer.MAX_VALUE)
				.stream()
				.filter((mail) -> mail.id() == id)
				.findFirst()
				.orElseThrow();

			assertThat(queued.messageId().value()).isEqualTo(stored);
			assertThat(queued.messageId().wellFormed()).isEqualTo(MessageId.isValid(stored));
			assertThat(this.outbox.written(queued.messageId())).isPresent();
			assertThat(this.outbox.sentByUs(MessageId.stored(stored))).isTrue();
		}
		finally {
			this.jdbc.sql("DELETE FROM outbox WHERE id = ?").param(id).update();
		}
	}

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("oddIds")
	void shouldFindCaseButNotThreadUnderIdWhenStoredIdIsNoValidId(String odd) {
		long id = aCase();
		String valid = UUID.randomUUID() + "@example.org";
		letter(id, "in", "complaint", odd);
		letter(id, "out", "acknowledgement", valid);

		assertThat(this.threads.root(id)).map(MessageId::value).containsExactly(valid);
		assertThat(this.threads.ofCase(id, List.of(MessageId.stored(odd), new MessageId(valid)))).map(MessageId::value)
			.containsExactly(valid);
		assertThat(this.correspondence.caseOf(List.of(MessageId.stored(odd)))).hasValue(id);
	}

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("pendingIds")
	void shouldGivePendingImapDeleteAsStoredWhenIdIsNoValidId(String odd) {
		String stored = odd + UUID.randomUUID();
		this.jdbc.sql("INSERT INTO imap_purge_pending (message_id) VALUES (?)").param(stored).update();

		List<MessageId> pending = this.retention.pendingImapDeletes()
			.stream()
			.filter((pendingId) -> pendingId.value().equals(stored))
			.toList();
		assertThat(pending).hasSize(1);

		this.retention.imapDeleted(pending);
		assertThat(this.retention.pendingImapDeletes()).map(MessageId::value).doesNotContain(stored);
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

	private void letter(long complaintId, String direction, String kind, String messageId) {
		this.jdbc.sql("""
				INSERT INTO correspondence (complaint_id, direction, at, message_id, kind)
				VALUES (?, ?, '2026-11-30T08:01+01:00', ?, ?)""")
			.params(complaintId, direction, messageId, kind)
			.update();
	}

}

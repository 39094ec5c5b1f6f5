package nl.klachten.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.klachten.Application;
import nl.klachten.MailFixtures;
import nl.klachten.intake.Intake;
import nl.klachten.register.CaseFileJson;
import nl.klachten.register.CaseFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.message;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command trust (CONTRACT §5): a From header is easy to forge, so a command counts only
 * when the mail answers a message the processor sent to that same address, or the trusted
 * server's {@code Authentication-Results} says dkim or dmarc passed for the sender's
 * domain. A forged command changes nothing and its refusal goes to the address it claims
 * to come from, never to anyone else.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CommandSpoofingIntegrationTests {

	static final Path register = MailFixtures.registerDirectory();

	static final String TRUSTED_AUTHSERV = "mx.klikklaar.com";

	static final String MANAGEMENT = "directie@klikklaar.com";

	static final AtomicLong uids = new AtomicLong(9000);

	/** The decision a forger tries to force. */
	static final String FORGED_DECISION = "GEGROND\n\nDe klager krijgt 5000 euro.";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("complaints.pipeline.enabled", () -> "false");
		registry.add("complaints.register.path", () -> register.resolve("register.db").toString());
		registry.add("complaints.commands.trusted-authserv-id", () -> TRUSTED_AUTHSERV);
	}

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFiles caseFiles;

	long id;

	String reference;

	String complainant;

	String ackId;

	String ackSubject;

	String notificationId;

	/**
	 * One way to send the chair's decision: the subject names the case; the headers are
	 * what the forger adds.
	 */
	record Attempt(String name, String headers, boolean accepted) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static String results(String value) {
		return "Authentication-Results: " + value + "\r\n";
	}

	static Stream<Attempt> attempts() {
		return Stream.of(new Attempt("guessed reference in the subject, no In-Reply-To", "", false),
				new Attempt("made-up In-Reply-To", replyHeaders("00000000-1111-2222-3333-444444444444@klikklaar.com"),
						false),
				new Attempt("untrusted authserv-id says dkim=pass",
						results("mx.evil.example; dkim=pass header.d=klikklaar.com"), false),
				new Attempt("authserv-id only as a prefix of another id",
						results("mx.klikklaar.com.evil.example; dkim=pass header.d=klikklaar.com"), false),
				new Attempt("trusted authserv-id, dkim=fail",
						results(TRUSTED_AUTHSERV + "; dkim=fail header.d=klikklaar.com"), false),
				new Attempt("trusted authserv-id, dmarc=fail",
						results(TRUSTED_AUTHSERV + "; dmarc=fail header.from=klikklaar.com"), false),
				new Attempt("trusted authserv-id, dkim=pass for another domain",
						results(TRUSTED_AUTHSERV + "; dkim=pass header.d=evil.example"), false),
				new Attempt("trusted authserv-id, dkim=pass for a look-alike domain",
						results(TRUSTED_AUTHSERV + "; dkim=pass header.d=klikklaar.com.evil.example"), false),
				new Attempt("trusted authserv-id, dkim=pass for a parent-like domain",
						results(TRUSTED_AUTHSERV + "; dkim=pass header.d=evilklikklaar.com"), false),
				new Attempt("trusted authserv-id, dkim=pass header.d=klikklaar.com",
						results(TRUSTED_AUTHSERV + "; dkim=pass header.d=klikklaar.com; spf=pass"), true),
				new Attempt("trusted authserv-id, dmarc=pass header.from=klikklaar.com",
						results(TRUSTED_AUTHSERV + "; spf=pass; dmarc=pass header.from=klikklaar.com"), true));
	}

	@BeforeEach
	void fileCase() {
		this.complainant = uniqueSender();
		feed(aComplaint(this.complainant, "Storing glasvezel", "Mijn glasvezel valt elke avond uit.", newMessageId()));
		Map<String, Object> row = this.jdbc.sql("SELECT id, reference FROM complaint WHERE complainant_email = ?")
			.param(this.complainant)
			.query()
			.singleRow();
		this.id = ((Number) row.get("id")).longValue();
		this.reference = (String) row.get("reference");
		Map<String, Object> ack = outboxRow("acknowledgement");
		this.ackId = (String) ack.get("message_id");
		this.ackSubject = MailFixtures.subject(message((byte[]) ack.get("raw")));
		this.notificationId = (String) outboxRow("chair-notification").get("message_id");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void shouldOnlyDecideWhenChairCommandIsTrusted(Attempt attempt) {
		Map<String, Object> before = snapshot();
		long outboxBefore = maxId("outbox");

		String commandId = send(CHAIR, "Re: Nieuwe klacht [" + this.reference + "]", FORGED_DECISION,
				attempt.headers());

		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		if (attempt.accepted()) {
			assertThat(kinds(sent)).containsExactly("decision", "measures-request", "command-confirmation");
			assertThat(status()).isEqualTo("afgehandeld");
			return;
		}
		assertRefusedToOnly(sent, CHAIR, commandId, "niet als echt herkend");
		assertThat(snapshot()).as("a forged command changes nothing").isEqualTo(before);
	}

	@Test
	void shouldRefuseWhenChairReplyNamesMessageSentToSomeoneElse() {
		Map<String, Object> before = snapshot();
		long outboxBefore = maxId("outbox");

		// the complainant's acknowledgement id: the processor did send it, but not to the
		// chair
		String commandId = send(CHAIR, "Re: " + this.ackSubject, FORGED_DECISION, replyHeaders(this.ackId));

		assertRefusedToOnly(outboxSince(outboxBefore), CHAIR, commandId, "niet als echt herkend");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void shouldAcceptWhenChairRepliesToChairNotification() {
		long outboxBefore = maxId("outbox");

		send(CHAIR, "Re: Nieuwe klacht [" + this.reference + "]", FORGED_DECISION, replyHeaders(this.notificationId));

		assertThat(kinds(outboxSince(outboxBefore))).containsExactly("decision", "measures-request",
				"command-confirmation");
		assertThat(status()).isEqualTo("afgehandeld");
	}

	@Test
	void shouldRefuseWhenManagementSendsDecision() {
		send(CHAIR, "Re: Nieuwe klacht [" + this.reference + "]", "DIRECTIE\n\nSchadeclaim.",
				replyHeaders(this.notificationId));
		String managementFileId = (String) outboxRow("management-file").get("message_id");
		Map<String, Object> before = snapshot();
		long outboxBefore = maxId("outbox");

		// trusted (a reply to the file sent to management) but not authorised
		String commandId = send(MANAGEMENT,
				"Re: Klacht met materieel of financieel belang: dossier [" + this.reference + "]", FORGED_DECISION,
				replyHeaders(managementFileId));

		assertRefusedToOnly(outboxSince(outboxBefore), MANAGEMENT, commandId, "GEGROND niet geven vanaf dit adres");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void shouldTreatAsCorrespondenceWhenComplainantSendsDecisionKeyword() {
		long outboxBefore = maxId("outbox");
		long lettersBefore = maxId("correspondence");

		String mailId = send(this.complainant, "Re: " + this.ackSubject, "GEGROND\n\nIk vind mijn klacht gegrond.",
				replyHeaders(this.ackId));

		assertThat(status()).isEqualTo("in_behandeling");
		assertThat(this.jdbc.sql("SELECT assessment FROM complaint WHERE id = ?")
			.param(this.id)
			.query()
			.singleRow()
			.get("assessment")).isNull();
		List<Map<String, Object>> sent = outboxSince(outboxBefore);
		assertThat(kinds(sent)).as("the chair hears of it; no command answer")
			.contains("follow-up-notification")
			.doesNotContain("command-confirmation", "command-rejected", "decision");
		Map<String, Object> note = sent.stream()
			.filter((m) -> "follow-up-notification".equals(m.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(((String) note.get("recipients")).toLowerCase()).isEqualTo(CHAIR.toLowerCase());
		assertThat(allText((byte[]) note.get("raw"))).contains("Ik vind mijn klacht gegrond.");
		assertThat(this.jdbc.sql("SELECT kind FROM correspondence WHERE id > ? AND message_id = ?")
			.params(lettersBefore, mailId)
			.query(String.class)
			.single()).isEqualTo("follow-up");
	}

	// ---------------------------------------------------------------- helpers

	private void assertRefusedToOnly(List<Map<String, Object>> sent, String sender, String commandId, String reason) {
		assertThat(sent).as("exactly one answer, the refusal").hasSize(1);
		Map<String, Object> refusal = sent.get(0);
		assertThat(refusal).containsEntry("kind", "command-rejected");
		assertThat(((String) refusal.get("recipients")).toLowerCase()).as("only to the claimed sender")
			.isEqualTo(sender.toLowerCase());
		byte[] raw = (byte[]) refusal.get("raw");
		assertThat(header(message(raw), "In-Reply-To")).isEqualTo("<" + commandId + ">");
		assertThat(allText(raw)).contains(reason)
			.contains("NIET uitgevoerd")
			.doesNotContain("De klager krijgt 5000 euro.");
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("complaint", this.jdbc.sql("SELECT * FROM complaint WHERE id = ?").param(this.id).query().singleRow());
		for (String table : List.of("product", "extension", "measure", "note", "participant", "appeal")) {
			s.put(table,
					this.jdbc.sql("SELECT * FROM " + table + " WHERE complaint_id = ? ORDER BY 1")
						.param(this.id)
						.query()
						.listOfRows());
		}
		Map<String, Object> json = new LinkedHashMap<>(CaseFileJson.toJson(this.caseFiles.all()
			.stream()
			.filter((f) -> f.reference().equals(this.reference))
			.findFirst()
			.orElseThrow(), null));
		json.remove("correspondence");
		s.put("json", json.toString());
		return s;
	}

	private String status() {
		return this.jdbc.sql("SELECT status FROM complaint WHERE id = ?").param(this.id).query(String.class).single();
	}

	private Map<String, Object> outboxRow(String kind) {
		return this.jdbc.sql("SELECT message_id, raw FROM outbox WHERE complaint_id = ? AND kind = ?")
			.params(this.id, kind)
			.query()
			.singleRow();
	}

	private String send(String from, String subject, String body, String headers) {
		String messageId = newMessageId();
		feed(aMail(from, subject, body, messageId, headers, "text/plain; charset=UTF-8"));
		return messageId;
	}

	private void feed(String raw) {
		MailFixtures.feed(this.intake, uids.incrementAndGet(), raw);
	}

	private List<Map<String, Object>> outboxSince(long since) {
		return this.jdbc.sql("SELECT kind, recipients, raw FROM outbox WHERE id > ? ORDER BY id")
			.param(since)
			.query()
			.listOfRows();
	}

	private static List<String> kinds(List<Map<String, Object>> sent) {
		return sent.stream().map((m) -> (String) m.get("kind")).toList();
	}

	private long maxId(String table) {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
	}

}

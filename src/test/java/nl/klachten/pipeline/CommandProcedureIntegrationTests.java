package nl.klachten.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static nl.klachten.MailFixtures.CHAIR;
import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.aMail;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.part;
import static nl.klachten.MailFixtures.replyHeaders;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole procedure by mail over GreenMail IMAP and SMTP (CONTRACT §5, §6, R11-R19,
 * R22, R24): a complaint, the chair's commands as replies, the employee's and the
 * complainant's answers, management, an extension, the decision with appeal information,
 * the complete export, then a measure from management and a reopening.
 */
class CommandProcedureIntegrationTests extends MailIntegrationTest {

	static final String EMPLOYEE = "piet@klikklaar.com";

	static final String MANAGEMENT = "directie@klikklaar.com";

	static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl"));

	@Test
	void shouldWalkWholeProcedureWhenChairHandlesComplaintByMail() {
		// a complaint
		String complainant = uniqueSender();
		String complaintId = newMessageId();
		deliver(greenMail, aComplaint(complainant, "Internet valt steeds weg",
				"Sinds de monteur er was valt mijn glasvezel elke avond uit.", complaintId));
		MimeMessage ack = awaitMailTo(complainant, "Ontvangstbevestiging");
		String reference = header(ack, "X-Complaint-Reference");
		long id = this.jdbc.sql("SELECT id FROM complaint WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
		LocalDate due = LocalDate.parse(column(id, "decision_due"));
		MimeMessage notification = awaitChairMail(reference, "Nieuwe klacht");
		List<String> commandIds = new ArrayList<>();

		// register details and the employee
		MimeMessage confirmation = chairCommand(notification, """
				MEDEWERKER Piet Jansen <piet@klikklaar.com>
				PRODUCT Glasvezel 500
				ADRES Kerkstraat 1
				WOONPLAATS Utrecht
				""", commandIds);
		assertThat(part(confirmation, "text/plain")).contains("Medewerker vastgelegd: Piet Jansen <piet@klikklaar.com>")
			.contains("Product toegevoegd: Glasvezel 500")
			.contains("Adres vastgelegd: Kerkstraat 1")
			.contains("Woonplaats vastgelegd: Utrecht");

		// R12: ask the employee, who answers
		confirmation = chairCommand(confirmation, """
				VRAAG-MEDEWERKER

				Wanneer was je bij deze klant en wat heb je aangesloten?
				""", commandIds);
		assertThat(part(confirmation, "text/plain")).contains("Vraag gestuurd aan de medewerker (piet@klikklaar.com)");
		MimeMessage question = awaitMailTo(EMPLOYEE, "Vraag van de klachtencommissie");
		assertThat(part(question, "text/plain")).contains("Wanneer was je bij deze klant");
		String employeeAnswerId = newMessageId();
		deliver(greenMail,
				aMail(EMPLOYEE, "Re: " + subject(question), "Ik was er op 3 januari; de modem is vervangen.\n",
						employeeAnswerId, replyHeaders(messageId(question)), "text/plain; charset=UTF-8"));
		MimeMessage employeeNote = awaitChairMail(reference, "Nieuw bericht van de medewerker");
		assertThat(part(employeeNote, "text/plain")).contains("de modem is vervangen");

		// R13: ask the complainant, who answers
		confirmation = chairCommand(employeeNote, """
				VRAAG-KLAGER

				Valt de verbinding ook overdag weg?
				""", commandIds);
		MimeMessage complainantQuestion = awaitMailTo(complainant, "Vraag over uw klacht");
		assertThat(part(complainantQuestion, "text/plain")).contains("Valt de verbinding ook overdag weg?");
		String complainantAnswerId = newMessageId();
		deliver(greenMail, aMail(complainant, "Re: " + subject(complainantQuestion), "Nee, alleen 's avonds.\n",
				complainantAnswerId, replyHeaders(messageId(complainantQuestion)), "text/plain; charset=UTF-8"));
		MimeMessage complainantNote = awaitChairMail(reference, "Nieuw bericht van de klager");
		assertThat(part(complainantNote, "text/plain")).contains("alleen 's avonds");

		// R15: management
		confirmation = chairCommand(complainantNote, """
				DIRECTIE

				De klager vraagt een schadevergoeding van 500 euro.
				""", commandIds);
		MimeMessage managementFile = awaitMailTo(MANAGEMENT, "Klacht met materieel of financieel belang");
		assertThat(part(managementFile, "text/plain")).contains("schadevergoeding van 500 euro").contains(reference);

		// R11: extension by two weeks from the current due date
		LocalDate extended = due.plusWeeks(2);
		confirmation = chairCommand(confirmation, """
				VERLENG 2 weken

				We wachten op het rapport van de netbeheerder.
				""", commandIds);
		MimeMessage extension = awaitMailTo(complainant, "Meer tijd nodig");
		assertThat(part(extension, "text/plain")).contains(DUTCH_DATE.format(extended))
			.contains(DUTCH_DATE.format(due))
			.contains("rapport van de netbeheerder");
		assertThat(column(id, "decision_due")).isEqualTo(extended.toString());

		// R16, R17, R22: the decision with its arguments, a solution and the appeal route
		confirmation = chairCommand(confirmation, """
				ONGEGROND

				De storing lag aan de bedrading in de woning, niet aan ons netwerk.

				Oplossing: wij sturen kosteloos een monteur om de bedrading na te lopen.
				""", commandIds);
		MimeMessage decision = awaitMailTo(complainant, "Beslissing op uw klacht");
		assertThat(part(decision, "text/plain"))
			.contains("De storing lag aan de bedrading in de woning, niet aan ons netwerk.")
			.contains("wij sturen kosteloos een monteur om de bedrading na te lopen.")
			.contains("CR Makarawung")
			.contains("Stadswal 61a, 6851CZ Huissen")
			.contains("8 weken")
			.contains("ongegrond");
		assertThat(column(id, "status")).isEqualTo("afgehandeld");
		MimeMessage measuresRequest = awaitMailTo(MANAGEMENT, "Maatregelen tegen herhaling");

		// R19: the export holds the whole case
		await().atMost(WAIT).until(() -> correspondence(id).size() >= 25);
		JsonNode file = export(reference);
		assertThat(file.get("complainant").get("name").asString()).isEqualTo("Klager");
		assertThat(file.get("complainant").get("email").asString()).isEqualTo(complainant);
		assertThat(file.get("complainant").get("address").asString()).isEqualTo("Kerkstraat 1");
		assertThat(file.get("complainant").get("city").asString()).isEqualTo("Utrecht");
		assertThat(file.get("subject").asString()).isEqualTo("Internet valt steeds weg");
		assertThat(file.get("description").asString()).contains("valt mijn glasvezel elke avond uit");
		assertThat(file.get("submitted_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*[+-]\\d{2}:\\d{2}");
		assertThat(file.get("employee").get("name").asString()).isEqualTo("Piet Jansen");
		assertThat(file.get("employee").get("email").asString()).isEqualTo(EMPLOYEE);
		assertThat(file.get("products").toString()).isEqualTo("[\"Glasvezel 500\"]");
		assertThat(file.get("status").asString()).isEqualTo("afgehandeld");
		JsonNode decided = file.get("decision");
		assertThat(decided.get("assessment").asString()).isEqualTo("ongegrond");
		assertThat(decided.get("decided_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(decided.get("manner").asString()).isNotBlank();
		assertThat(decided.get("arguments").asString())
			.isEqualTo("De storing lag aan de bedrading in de woning, niet aan ons netwerk.");
		assertThat(file.get("extensions")).hasSize(1);
		JsonNode ext = file.get("extensions").get(0);
		assertThat(ext.get("to").asString()).isEqualTo(extended.toString());
		assertThat(ext.get("reason").asString()).isEqualTo("We wachten op het rapport van de netbeheerder.");
		assertThat(ext.get("notified_at").asString()).isNotBlank();
		assertThat(file.get("management_involved").asBoolean()).isTrue();
		assertThat(file.get("decision_due").asString()).isEqualTo(extended.toString());
		List<String> kinds = new ArrayList<>();
		List<String> committeeIds = new ArrayList<>();
		for (JsonNode entry : file.get("correspondence")) {
			kinds.add(entry.get("kind").asString() + "/" + entry.get("direction").asString());
			if ("committee".equals(entry.get("kind").asString())) {
				committeeIds.add(entry.get("message_id").asString());
			}
		}
		assertThat(kinds).containsExactly("complaint/in", "acknowledgement/out", "chair-notification/out",
				"committee/in", "command-confirmation/out", "committee/in", "question-employee/out",
				"command-confirmation/out", "employee/in", "follow-up-notification/out", "committee/in",
				"question-complainant/out", "command-confirmation/out", "follow-up/in", "follow-up-notification/out",
				"committee/in", "management-file/out", "command-confirmation/out", "committee/in",
				"extension-notice/out", "command-confirmation/out", "committee/in", "decision/out",
				"measures-request/out", "command-confirmation/out");
		assertThat(committeeIds).containsExactlyElementsOf(commandIds);
		assertThat(file.get("correspondence").get(kinds.indexOf("employee/in")).get("message_id").asString())
			.isEqualTo(employeeAnswerId);
		assertThat(file.get("correspondence").get(kinds.indexOf("follow-up/in")).get("message_id").asString())
			.isEqualTo(complainantAnswerId);
		assertThat(file.get("correspondence").get(0).get("message_id").asString()).isEqualTo(complaintId);

		// R24: management records a measure, replying to the file
		String measureId = newMessageId();
		deliver(greenMail, aMail(MANAGEMENT, "Re: " + subject(managementFile), """
				MAATREGEL Monteurs controleren voortaan de binnenbedrading bij oplevering.
				""", measureId, replyHeaders(messageId(managementFile)), "text/plain; charset=UTF-8"));
		MimeMessage measureConfirmation = awaitReplyTo(MANAGEMENT, measureId);
		assertThat(subject(measureConfirmation)).startsWith("Verwerkt");
		assertThat(export(reference).get("measures").toString())
			.contains("Monteurs controleren voortaan de binnenbedrading bij oplevering.");
		assertThat(header(measuresRequest, "X-Complaint-Reference")).isEqualTo(reference);

		// reopening
		confirmation = chairCommand(confirmation, "HEROPEN\n", commandIds);
		assertThat(part(confirmation, "text/plain")).contains("Dossier heropend");
		assertThat(column(id, "status")).isEqualTo("in_behandeling");
		assertThat(export(reference).get("status").asString()).isEqualTo("in_behandeling");
	}

	/**
	 * The chair answers a mail of the processor with commands; returns the confirmation
	 * that answers it.
	 */
	private MimeMessage chairCommand(MimeMessage answered, String body, List<String> commandIds) {
		String commandId = newMessageId();
		commandIds.add(commandId);
		deliver(greenMail, aMail(CHAIR, "Re: " + subject(answered), body, commandId, replyHeaders(messageId(answered)),
				"text/plain; charset=UTF-8"));
		MimeMessage answer = awaitReplyTo(CHAIR, commandId);
		assertThat(subject(answer)).as(part(answer, "text/plain")).startsWith("Verwerkt");
		return answer;
	}

	private List<Map<String, Object>> correspondence(long id) {
		return this.jdbc.sql("SELECT kind FROM correspondence WHERE complaint_id = ?").param(id).query().listOfRows();
	}

	private String column(long id, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM complaint WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}

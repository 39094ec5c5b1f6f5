package nl.klachten.outbound;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import nl.klachten.register.CaseFile;
import nl.klachten.register.DataAccessView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complainant's data document (R21, issue 11): the name in the salutation when the
 * register knows it and "heer/mevrouw" only when it does not, dates for people, the state
 * with the pending appeal and the proposed solution; in plain text and HTML alike.
 */
class DataAccessTemplateTests {

	private final Configuration templates = new TemplateConfiguration().mailTemplates("templates");

	@ParameterizedTest
	@ValueSource(strings = { "body.ftl", "body.ftlh" })
	void shouldGreetByNameAndWriteDatesAndTheAppealWhenTheNameIsKnown(String body) throws Exception {
		String text = render(body, aFile("Anna de Boer"));

		assertThat(text).contains("Geachte Anna de Boer,")
			.doesNotContain("heer/mevrouw")
			.contains("30 november 2026 om 08:01")
			.contains("afgehandeld, beroep ingesteld op 5 december 2026; de beroepscommissie beslist uiterlijk "
					+ "30 januari 2027")
			.contains("deels gegrond, op 3 december 2026")
			.contains("Wij betalen € 50 terug.")
			.contains("11 januari 2027")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "body.ftl", "body.ftlh" })
	void shouldGreetHeerMevrouwWhenTheNameIsUnknown(String body) throws Exception {
		String text = render(body, aFile(null));

		assertThat(text).contains("Geachte heer/mevrouw,").contains("onbekend");
	}

	private String render(String body, CaseFile file) throws Exception {
		Map<String, Object> model = new HashMap<>(DataAccessView.model(List.of(file), ZoneId.of("Europe/Amsterdam")));
		model.put("reference", file.reference());
		model.put("chairName", "NC Jansen");
		model.put("chairTitle", "Voorzitter klachtencommissie");
		model.put("committee", "Klachtencommissie Klikklaar");
		StringWriter out = new StringWriter();
		this.templates.getTemplate("data-access/" + body).process(model, out);
		return out.toString();
	}

	private static CaseFile aFile(String name) {
		return new CaseFile("KK-2026-0007", "afgehandeld", name, "anna@example.org", null, null, null,
				"Storing glasvezel", "Mijn glasvezel valt uit.", OffsetDateTime.parse("2026-11-30T08:01:00+01:00"),
				null, false, null, null, List.of(), LocalDate.parse("2026-12-14"), LocalDate.parse("2027-01-11"),
				List.of(), false,
				new CaseFile.Decision("deels_gegrond", LocalDate.parse("2026-12-03"), "schriftelijk per e-mail",
						"Argumenten.", "Wij betalen € 50 terug."),
				new CaseFile.Appeal(OffsetDateTime.parse("2026-12-05T10:00:00.086886421+01:00"),
						LocalDate.parse("2027-01-30"), null, null, "Gronden.", List.of()),
				List.of(), List.of(), List.of(), false);
	}

}

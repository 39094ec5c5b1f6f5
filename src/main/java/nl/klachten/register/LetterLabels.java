package nl.klachten.register;

import java.util.Map;

/**
 * How the case file's timeline names each letter ({@link CaseTimeline}): what we sent by
 * its outbox kind, what the complainant asked for by the kind of our answer, and who
 * wrote a letter by its correspondence kind.
 */
final class LetterLabels {

	static final Map<String, String> SENT = Map.ofEntries(
			Map.entry("acknowledgement", "ontvangstbevestiging aan de klager"),
			Map.entry("chair-notification", "melding nieuwe klacht aan de voorzitter"),
			Map.entry("follow-up-notification", "melding nieuw bericht aan de voorzitter"),
			Map.entry("details-recorded", "vastgelegde gegevens bevestigd aan de klager"),
			Map.entry("confirmation-request", "klager gevraagd het verzoek te bevestigen"),
			Map.entry("question-complainant", "vraag aan de klager verstuurd"),
			Map.entry("question-employee", "vraag aan de medewerker verstuurd"),
			Map.entry("management-file", "dossier naar de directie"),
			Map.entry("extension-notice", "verlenging gemeld aan de klager"),
			Map.entry("decision", "beslissing verstuurd aan de klager"),
			Map.entry("measures-request", "directie gevraagd om maatregelen"),
			Map.entry("data-access", "gegevens (inzage) verstuurd aan de klager"),
			Map.entry("withdrawal-confirmation", "intrekking bevestigd aan de klager"),
			Map.entry("withdrawal-notification", "melding intrekking aan de voorzitter"),
			Map.entry("appeal-confirmation", "beroep bevestigd aan de klager"),
			Map.entry("appeal-refused", "beroep niet mogelijk, uitleg aan de klager"),
			Map.entry("appeal-file", "dossier naar de beroepscommissie"),
			Map.entry("appeal-letter-to-post", "beroepsbrief aan de voorzitter om te posten"),
			Map.entry("appeal-extension", "verlenging beroepstermijn gemeld aan de klager"),
			Map.entry("appeal-decision", "uitspraak beroep verstuurd aan de klager"));

	static final Map<String, String> COMPLAINANT_ASKED = Map.of("appeal-confirmation",
			"beroep ingesteld door de klager", "appeal-refused", "beroep van de klager (niet mogelijk)", "data-access",
			"klager vraagt om zijn gegevens (inzage)", "withdrawal-confirmation", "klacht ingetrokken door de klager",
			"confirmation-request", "verzoek van de klager, nog niet bevestigd");

	static final Map<String, String> FROM = Map.of("complaint", "klacht ontvangen", "follow-up",
			"bericht van de klager", "employee", "antwoord van de medewerker", "committee", "commissie", "management",
			"directie", "appeals", "beroepscommissie");

	private LetterLabels() {
	}

}

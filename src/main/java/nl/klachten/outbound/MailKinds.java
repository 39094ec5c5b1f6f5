package nl.klachten.outbound;

import java.util.Map;

/**
 * The outbox's mail kinds in the chair's words, for the refusal notice and the digest's
 * list of mail not delivered; a kind without a name is shown as it is stored.
 */
public final class MailKinds {

	private static final Map<String, String> DUTCH = Map.ofEntries(Map.entry("acknowledgement", "ontvangstbevestiging"),
			Map.entry("question-employee", "vraag aan de medewerker"),
			Map.entry("question-complainant", "vraag aan de klager"), Map.entry("decision", "beslissing"),
			Map.entry("management-file", "dossier voor de directie"), Map.entry("appeal-file", "beroepsdossier"),
			Map.entry("measures-request", "verzoek om maatregelen"),
			Map.entry("extension-notice", "verlengingsbericht"));

	private MailKinds() {
	}

	public static String dutch(String kind) {
		return DUTCH.getOrDefault(kind, kind);
	}

}

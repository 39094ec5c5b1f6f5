package nl.klachten.threading;

import java.util.List;

/**
 * What threading looks at in a mail: the sender, the Message-IDs it answers, its subject
 * and its text. Threading needs no more of a mail, and so does not depend on how mail is
 * parsed.
 */
public record ThreadClues(String sender, List<String> references, String subject, String text) {

	public ThreadClues {
		references = List.copyOf(references);
	}

	@Override
	public String toString() {
		return "ThreadClues[" + this.references.size() + " references]";
	}

}

package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import nl.klachten.committee.MessageId;
import nl.klachten.committee.Ascii;
import nl.klachten.register.CaseThreads;
import nl.klachten.register.RegisteredComplaint;

/**
 * The threading headers of a letter about a case (CONTRACT §4), set in one place so that
 * no caller has to know the case's thread:
 * <ul>
 * <li>Every mail to the complainant is in one thread: {@code References} starts with the
 * complaint's Message-ID and our acknowledgement's, then the ids the caller gave that are
 * of this case, then the complainant's mail it answers ({@code In-Reply-To}, set only
 * then).</li>
 * <li>A notice to the chair that answers no mail of the chair's (the notification of a
 * new complaint, of a follow-up, of a withdrawal) is threaded under the complaint, and
 * under the mail it tells of: {@code In-Reply-To} names that mail, but it answers nobody,
 * so it stays {@code auto-generated} (RFC 3834 {@code auto-replied} is for a response to
 * the mail's sender).</li>
 * </ul>
 * Other letters (the chair's confirmations, mail to an employee, management or the
 * appeals committee) keep what the caller gave. Only ids of this case go in
 * ({@link CaseThreads}), at most {@value #MAX_REFERENCES}: the root and the latest.
 */
final class CaseThreading {

	static final int MAX_REFERENCES = 20;

	private final CaseThreads threads;

	private final String chair;

	CaseThreading(CaseThreads threads, String chair) {
		this.threads = threads;
		this.chair = chair;
	}

	Letter thread(RegisteredComplaint complaint, Letter letter) {
		if (toOnly(letter.to(), complaint.complainantEmail())) {
			List<String> references = new ArrayList<>(texts(this.threads.root(complaint.id())));
			references.addAll(texts(this.threads.ofCase(complaint.id(), MessageId.valid(letter.references()))));
			return threaded(letter, letter.inReplyTo(), references, letter.answer());
		}
		if (toOnly(letter.to(), this.chair) && letter.inReplyTo() == null) {
			List<String> references = new ArrayList<>(
					texts(this.threads.root(complaint.id())).stream().limit(1).toList());
			references.addAll(texts(this.threads.ofCase(complaint.id(), MessageId.valid(letter.references()))));
			String parent = references.isEmpty() ? null : references.get(references.size() - 1);
			return threaded(letter, parent, references, false);
		}
		return letter;
	}

	/** The ids as a Letter's headers take them. */
	private static List<String> texts(List<MessageId> ids) {
		return ids.stream().map(MessageId::value).toList();
	}

	private static Letter threaded(Letter letter, String inReplyTo, List<String> references, boolean answer) {
		return new Letter(letter.purpose(), letter.to(), letter.reference(), inReplyTo, capped(references, inReplyTo),
				letter.model(), letter.attachments(), answer);
	}

	/**
	 * Each id once, in first-seen order, the mail followed last (RFC 5322: the parent's
	 * References, then the parent); over the cap, the first (the root) and the latest.
	 */
	static List<String> capped(List<String> references, String parent) {
		List<String> unique = new ArrayList<>(new LinkedHashSet<>(references));
		if (parent != null) {
			unique.remove(parent);
			unique.add(parent);
		}
		if (unique.size() <= MAX_REFERENCES) {
			return unique;
		}
		List<String> capped = new ArrayList<>(unique.subList(0, 1));
		capped.addAll(unique.subList(unique.size() - MAX_REFERENCES + 1, unique.size()));
		return capped;
	}

	private static boolean toOnly(List<String> to, String address) {
		return address != null && !to.isEmpty()
				&& to.stream().allMatch((a) -> Ascii.equalsIgnoreCase(a, address.strip()));
	}

}

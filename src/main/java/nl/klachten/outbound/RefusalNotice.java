package nl.klachten.outbound;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.klachten.register.Complaints;
import nl.klachten.register.QueuedMail;

/**
 * Tells the chair once that a mail was refused for good (CONTRACT §4): which case, which
 * recipient, which mail, and what the server answered (issue 13). Called in the
 * transaction that marks the mail failed, so the notice is queued exactly when the
 * refusal is recorded. A refused mail to the chair is not announced to the chair (it
 * could only be refused again).
 */
class RefusalNotice {

	static final String PURPOSE = "delivery-refused";

	private final CaseMailer mailer;

	private final Complaints complaints;

	RefusalNotice(CaseMailer mailer, Complaints complaints) {
		this.mailer = mailer;
		this.complaints = complaints;
	}

	/**
	 * {@code refused}: each refused recipient with the server's reply, already one clean
	 * line.
	 */
	void tell(QueuedMail mail, Map<String, String> refused) {
		if (PURPOSE.equals(mail.kind()) || mail.recipients().stream().allMatch(this.mailer.chair()::equalsIgnoreCase)) {
			return;
		}
		String reply = refused.size() == 1 ? refused.values().iterator().next()
				: refused.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + ": " + entry.getValue())
					.collect(Collectors.joining("; "));
		Map<String, Object> model = Map.of("party", String.join(", ", refused.keySet()), "reason",
				MailKinds.dutch(mail.kind()), "reply", reply);
		Letter letter = new Letter(PURPOSE, List.of(this.mailer.chair()), mail.reference(), null, List.of(), model,
				List.of(), false);
		if (mail.complaintId() != null) {
			var complaint = this.complaints.find(mail.complaintId());
			if (complaint.isPresent()) {
				this.mailer.send(complaint.get(), letter);
				return;
			}
		}
		this.mailer.sendUnfiled(letter);
	}

}

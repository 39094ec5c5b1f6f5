package nl.klachten.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.committee.MessageId;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.Letter;
import nl.klachten.register.Complaints;
import nl.klachten.register.InboundLog;
import nl.klachten.register.InboundRecord;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Tells the chair that a mail reused a Message-ID it does not own (CONTRACT §4): one read
 * before from another sender or with another text, or one the processor gave its own
 * mail. Such a mail is not taken for the earlier one: it is routed on its own, and the
 * chair hears of it once, in the transaction that records it, with the Message-ID and
 * every mail read under it (sender and case). The notice names no complaint text. It is
 * filed on the newest case among those mails, if any.
 */
@Component
class ReusedMessageIdNotice {

	static final String PURPOSE = "message-id-reused";

	private final CaseMailer mailer;

	private final InboundLog inbound;

	private final Complaints complaints;

	ReusedMessageIdNotice(CaseMailer mailer, InboundLog inbound, Complaints complaints) {
		this.mailer = mailer;
		this.inbound = inbound;
		this.complaints = complaints;
	}

	/**
	 * Called after the mail is recorded; {@code own} when the Message-ID is one of the
	 * processor's.
	 */
	void tell(MessageId messageId, boolean own) {
		List<InboundRecord.Seen> mails = this.inbound.withMessageId(messageId);
		List<Map<String, Object>> lines = mails.stream()
			.map((seen) -> Map.<String, Object>of("sender", seen.sender() == null ? "" : seen.sender(), "place",
					place(seen)))
			.toList();
		Optional<RegisteredComplaint> complaint = newestCase(mails).flatMap(ReferenceNumber::parse)
			.flatMap(this.complaints::find);
		Map<String, Object> model = Map.of("messageId", messageId.value(), "own", own, "mails", lines);
		Letter letter = new Letter(PURPOSE, List.of(this.mailer.chair()),
				complaint.map((c) -> c.reference().toString()).orElse(null), null, List.of(), model, List.of(), false);
		if (complaint.isPresent()) {
			this.mailer.send(complaint.get(), letter);
		}
		else {
			this.mailer.sendUnfiled(letter);
		}
	}

	private static Optional<String> newestCase(List<InboundRecord.Seen> mails) {
		for (int i = mails.size() - 1; i >= 0; i--) {
			if (mails.get(i).reference() != null) {
				return Optional.of(mails.get(i).reference());
			}
		}
		return Optional.empty();
	}

	private static String place(InboundRecord.Seen seen) {
		if (seen.reference() != null) {
			return "klacht " + seen.reference();
		}
		return switch (seen.outcome()) {
			case QUARANTINED -> "in quarantaine";
			case IGNORED -> "genegeerd";
			case CASE -> "geregistreerd";
		};
	}

}

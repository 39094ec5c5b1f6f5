package nl.klachten.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.committee.TermsSettings;
import nl.klachten.mailbox.Filing;
import nl.klachten.register.Correspondence;
import nl.klachten.register.DataFiles;
import nl.klachten.register.InboundLog;
import nl.klachten.register.InboundRecord;
import nl.klachten.register.InboundRecord.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes what became of a mail: its row in the inbound log (case, ignored list or
 * quarantine, with the reason code and its raw bytes, CONTRACT §4) and, for a mail on a
 * case, its letter in the case's correspondence with its attachments (R19). The one place
 * that turns a mail into these register records, in the caller's transaction.
 */
@Component
class InboundRecorder {

	private static final Logger log = LoggerFactory.getLogger(InboundRecorder.class);

	private final InboundLog inbound;

	private final Correspondence correspondence;

	private final DataFiles files;

	private final EventCounter counter;

	private final TermsSettings terms;

	private final Clock clock;

	InboundRecorder(InboundLog inbound, Correspondence correspondence, DataFiles files, EventCounter counter,
			TermsSettings terms, Clock clock) {
		this.inbound = inbound;
		this.correspondence = correspondence;
		this.files = files;
		this.counter = counter;
		this.terms = terms;
		this.clock = clock;
	}

	/**
	 * Records a mail that is not on a case, or that the commands filed nowhere, counted
	 * and logged by reason.
	 */
	Filing.Destination settle(MailEntry entry, Long complaintId, Outcome outcome, String reason) {
		record(entry, complaintId, outcome, reason);
		if (outcome == Outcome.IGNORED) {
			this.counter.ignored(reason);
		}
		else if (outcome == Outcome.QUARANTINED) {
			this.counter.quarantined(reason);
		}
		if (outcome != Outcome.CASE) {
			log.info("Mail {} {}: {}", OperatorEvents.hash(entry.key()), outcome.column(), reason);
		}
		return destination(outcome);
	}

	/** The mail's row in the inbound log; its id, for the letters filed from it. */
	long record(MailEntry entry, Long complaintId, Outcome outcome, String reason) {
		InboundMail mail = entry.mail();
		return this.inbound.record(new InboundRecord(entry.key(), mail == null ? null : mail.id(), entry.raw(),
				zoned(entry.fetched().receivedAt()), zoned(this.clock.instant()),
				mail == null ? null : mail.senderAddress(), mail == null ? null : mail.subject(), outcome, reason,
				complaintId, entry.digest()));
	}

	/** The whole mail as a letter on the case, its attachments stored beside it. */
	void addLetter(MailEntry entry, long complaintId, long inboundId, String kind, String newText) {
		InboundMail mail = entry.mail();
		List<Correspondence.StoredAttachment> attachments = mail.attachments()
			.stream()
			.map((a) -> new Correspondence.StoredAttachment(a.fileName(), a.contentType(),
					this.files.storeAttachment(a.content())))
			.toList();
		this.correspondence.add(letter(entry, complaintId, inboundId, kind, mail.text(), newText), attachments);
	}

	/**
	 * One case's part of a mail about several: the other cases' lines and the attachments
	 * are not this case's file.
	 */
	void addPart(MailEntry entry, long complaintId, long inboundId, String kind, String part) {
		this.correspondence.add(letter(entry, complaintId, inboundId, kind, part, part), List.of());
	}

	private Correspondence.Letter letter(MailEntry entry, long complaintId, long inboundId, String kind, String text,
			String newText) {
		InboundMail mail = entry.mail();
		return new Correspondence.Letter(complaintId, Correspondence.Direction.IN, zoned(entry.fetched().receivedAt()),
				mail.senderAddress(), String.join(", ", mail.to()), mail.subject(), mail.id(), kind, text, newText,
				inboundId, null);
	}

	static Filing.Destination destination(Outcome outcome) {
		return outcome == Outcome.QUARANTINED ? Filing.Destination.QUARANTINE : Filing.Destination.PROCESSED;
	}

	private OffsetDateTime zoned(Instant instant) {
		return instant.atZone(this.terms.zone()).toOffsetDateTime();
	}

}

package nl.klachten.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.klachten.commands.Guidance;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.HeaderText;
import nl.klachten.outbound.Letter;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.ConfirmationRequests.Pending;
import nl.klachten.register.Correspondence;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a mail on a case does besides joining the file (R19): a complainant's keyword
 * ({@link ComplainantKeywords}), the register details in its {@code Label: value} lines
 * ({@link ComplainantDetails}), both only with proof that the mail is the complainant's
 * ({@link ComplainantProof}), and the chair's notification of every mail from the
 * complainant, an employee, management or the appeals committee that is not a command.
 */
@Component
class FollowUps {

	private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

	private static final String NOTICE = "follow-up-notification";

	private final ComplainantKeywords keywords;

	private final ComplainantDetails details;

	private final ComplainantProof proof;

	private final Correspondence correspondence;

	private final CaseMailer mailer;

	private final CaseChanges changes;

	private final Clock clock;

	private final int noticesPerHour;

	FollowUps(ComplainantKeywords keywords, ComplainantDetails details, ComplainantProof proof,
			Correspondence correspondence, CaseMailer mailer, CaseChanges changes, IntakeSettings settings,
			Clock clock) {
		this.noticesPerHour = settings.noticesPerCasePerHour();
		this.keywords = keywords;
		this.details = details;
		this.proof = proof;
		this.correspondence = correspondence;
		this.mailer = mailer;
		this.changes = changes;
		this.clock = clock;
	}

	void handle(MailThread.Joined thread, InboundMail mail, String newText) {
		RegisteredComplaint complaint = thread.complaint();
		Map<String, String> recorded = Map.of();
		if (thread.party() == Party.COMPLAINANT) {
			Optional<ComplainantKeywords.Keyword> keyword = ComplainantKeywords.Keyword.of(newText);
			if (keyword.isPresent()) {
				this.keywords.handle(keyword.get(), complaint, mail, newText);
				return;
			}
			Optional<Pending> confirmed = this.proof.confirmedBy(complaint, mail);
			recorded = confirmed.isPresent() ? this.keywords.applyConfirmed(confirmed.get(), complaint, mail)
					: this.details.fromFollowUp(complaint, mail, newText);
		}
		notifyChair(thread, mail, newText, recorded);
	}

	/**
	 * The chair hears of every mail on a case, but at most
	 * {@code notices-per-case-per-hour} (5) notices an hour per case: a sender who floods
	 * a case does not flood the chair. The next notice after a quiet spell says how many
	 * mails came in without one; all of them are in the file.
	 */
	private void notifyChair(MailThread.Joined thread, InboundMail mail, String newText, Map<String, String> recorded) {
		long caseId = thread.complaint().id();
		Instant hourAgo = this.clock.instant().minus(Duration.ofHours(1));
		long recent = this.correspondence.times(caseId, NOTICE).stream().filter((at) -> at.isAfter(hourAgo)).count();
		if (recent >= this.noticesPerHour) {
			log.info("Notice of a mail on {} held back: {} notices in the last hour", thread.complaint().reference(),
					recent);
			return;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("party", partyLabel(thread.party()));
		model.put("sender", mail.senderAddress());
		model.put("subject", HeaderText.clean(mail.subject()));
		model.put("text", newText);
		model.put("recorded", recorded);
		model.put("held", Math.max(0, this.correspondence.incomingSinceLast(caseId, NOTICE) - 1));
		model.put("status", thread.complaint().status().column());
		model.put("guidance", Guidance.forCase(this.changes.state(thread.complaint())));
		model.put("attachments", mail.attachments().stream().map(Attachment::fileName).toList());
		List<String> references = mail.messageId() == null ? List.of() : List.of(mail.messageId());
		this.mailer.send(thread.complaint(),
				new Letter(NOTICE, List.of(this.mailer.chair()), null, null, references, model));
	}

	private static String partyLabel(Party party) {
		return switch (party) {
			case COMPLAINANT -> "de klager";
			case EMPLOYEE -> "de medewerker";
			case MANAGEMENT -> "de directie";
			case APPEALS -> "de beroepscommissie";
			case COMMITTEE -> "de klachtencommissie";
		};
	}

}

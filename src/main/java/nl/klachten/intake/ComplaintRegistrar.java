package nl.klachten.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.klachten.commands.Guidance;
import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.Language;
import nl.klachten.committee.LanguageSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.Letter;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseLanguages;
import nl.klachten.register.Complaints;
import nl.klachten.register.NewComplaint;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Registers a new complaint (R6) with the details its mail states (R19, R7), and queues
 * the acknowledgement to the complainant (R9) and the notification to the chair, all in
 * the caller's transaction.
 */
@Component
class ComplaintRegistrar {

	private final Complaints complaints;

	private final CaseMailer mailer;

	private final CaseChanges changes;

	private final DeadlinePolicy deadlines;

	private final IntakeSettings intake;

	private final Pattern references;

	private final int handlingWeeks;

	private final CaseLanguages languages;

	private final Language fallback;

	ComplaintRegistrar(Complaints complaints, CaseMailer mailer, CaseChanges changes, DeadlinePolicy deadlines,
			IntakeSettings intake, ReferenceSettings referenceSettings, TermsSettings terms, CaseLanguages languages,
			LanguageSettings language) {
		this.languages = languages;
		this.fallback = language.fallback();
		this.changes = changes;
		this.handlingWeeks = Acknowledgement.weeks(terms.handling());
		this.references = Pattern
			.compile("[\\[(]?(?i:" + Pattern.quote(referenceSettings.prefix()) + ")-\\d{4}-\\d{4,9}[\\])]?");
		this.complaints = complaints;
		this.mailer = mailer;
		this.deadlines = deadlines;
		this.intake = intake;
	}

	/** The longest subject the acknowledgement repeats. */
	static final int ECHO_LENGTH = 80;

	/** A registered complaint with what its mail stated, for {@link #announce}. */
	record Registration(RegisteredComplaint complaint, NewComplaint stated, RegisterFields fields, Language language) {
	}

	/**
	 * Registers the complaint (R6) with the details its mail states (R19), the late flag
	 * (R7) and the language of its text ({@link TextLanguage}, else
	 * {@code complaints.language.default}).
	 */
	Registration register(InboundMail mail, Instant receivedAt) {
		OffsetDateTime submitted = receivedAt.atZone(this.deadlines.zone()).toOffsetDateTime();
		RegisterFields fields = RegisterFields.from(mail.text());
		boolean late = fields.aroseOn() != null && this.deadlines.late(fields.aroseOn(), submitted);
		String name = fields.name() != null ? fields.name() : mail.from().name();
		NewComplaint complaint = new NewComplaint(name.isBlank() ? null : name, mail.senderAddress(), fields.address(),
				fields.city(), fields.representativeOf(), mail.subject(), mail.text(), submitted, fields.aroseOn(),
				late, fields.employee(), fields.products(), this.deadlines.acknowledgeDue(submitted),
				this.deadlines.decisionDue(submitted));
		RegisteredComplaint registered = this.complaints.register(complaint);
		Language language = TextLanguage.of(mail.subject() + "\n" + mail.text()).orElse(this.fallback);
		this.languages.set(registered.id(), language);
		return new Registration(registered, complaint, fields, language);
	}

	/**
	 * Queues the acknowledgement (R9) and the chair's notification. A sender whose
	 * address was not read strictly is not answered at all (it may be a list, or someone
	 * else's address): the notification tells the chair. A stranger who quoted another
	 * case's reference ({@code possibleLink}) gets an acknowledgement that names nothing
	 * of it: not the reference in the subject they wrote, not that case's Message-IDs in
	 * the headers.
	 */
	void announce(Registration registration, InboundMail mail, boolean acknowledge, RegisteredComplaint possibleLink) {
		RegisteredComplaint registered = registration.complaint();
		Map<String, Object> model = AnnouncementModel.of(registration.stated(), registration.fields(), mail,
				acknowledge, this.intake.rateLimitPerHour());
		model.put("possibleLink", possibleLink == null ? "" : possibleLink.reference().toString());
		model.put("guidance", Guidance.forCase(this.changes.state(registered)));
		boolean answerable = mail.strictSender().isPresent();
		model.put("unanswerable", !answerable);
		if (acknowledge && answerable) {
			acknowledge(registration, mail, model, possibleLink);
		}
		this.mailer.send(registered,
				new Letter("chair-notification", List.of(this.mailer.chair()), null, null, List.of(), model));
	}

	/**
	 * The acknowledgement goes wherever the From line points: it echoes no free text of
	 * the sender's but a short, cleaned subject and a name that is only a name, so it
	 * cannot carry someone's message to a victim.
	 */
	private void acknowledge(Registration registration, InboundMail mail, Map<String, Object> model,
			RegisteredComplaint possibleLink) {
		Map<String, Object> toComplainant = new LinkedHashMap<>(model);
		List<String> references = thread(mail);
		String subject = String.valueOf(model.get("subject"));
		if (possibleLink != null) {
			subject = withoutReferences(subject);
			references = mail.messageId() == null ? List.of() : List.of(mail.messageId());
		}
		toComplainant.put("subject", echo(subject));
		toComplainant.putAll(Acknowledgement.model(registration.stated(), echo(subject), this.handlingWeeks,
				registration.language()));
		toComplainant.put("decisionDue", registration.stated().decisionDue());
		if (registration.stated().aroseOn() != null) {
			toComplainant.put("aroseOn", registration.stated().aroseOn());
		}
		this.mailer.send(registration.complaint(), new Letter("acknowledgement", List.of(mail.strictSender().get()),
				null, mail.messageId(), references, toComplainant));
	}

	private String withoutReferences(String subject) {
		String cleaned = this.references.matcher(subject).replaceAll("").replaceAll("\\s{2,}", " ").strip();
		return cleaned.isEmpty() ? "(geen onderwerp)" : cleaned;
	}

	/**
	 * A subject as the acknowledgement may repeat it: control and bidi characters out,
	 * white space collapsed, links replaced by [link], at most {@value #ECHO_LENGTH}
	 * characters.
	 */
	static String echo(String subject) {
		StringBuilder out = new StringBuilder();
		for (String word : subject.split("[\\s\\p{Cntrl}\\p{Cf}]++")) {
			if (word.isEmpty()) {
				continue;
			}
			int scheme = word.indexOf("://");
			String shown = scheme < 0 ? word : "[link]";
			out.append(out.length() == 0 ? "" : " ").append(shown);
			if (out.length() > ECHO_LENGTH) {
				return out.substring(0, ECHO_LENGTH).strip() + "…";
			}
		}
		return out.length() == 0 ? "(geen onderwerp)" : out.toString();
	}

	/** The References of an answer: the thread so far, then the mail answered. */
	static List<String> thread(InboundMail mail) {
		List<String> thread = new ArrayList<>(mail.references());
		if (mail.messageId() != null) {
			thread.remove(mail.messageId());
			thread.add(mail.messageId());
		}
		return thread;
	}

}

package nl.klachten.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.klachten.committee.Ascii;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.Language;
import nl.klachten.committee.PeopleDates;
import nl.klachten.committee.TermsSettings;
import nl.klachten.register.CaseLanguages;
import nl.klachten.register.CaseStandings;
import nl.klachten.register.CaseStanding;
import nl.klachten.register.Correspondence;
import nl.klachten.committee.EmailAddress;
import nl.klachten.register.CaseThreads;
import nl.klachten.register.Outbox;
import nl.klachten.register.RegisteredComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a letter about a case: composes it, puts it in the outbox and records it as
 * outgoing correspondence (R19), all in the caller's transaction. Adds what every
 * template may use: the chair, the committee, the provider, the complainant's name for
 * the salutation, the case's threading headers ({@link CaseThreading}) and, in a letter
 * to the committee, management or the appeals committee only, the case's
 * {@link StateLine}; a letter to the complainant is in the case's language, with its
 * dates (given as {@code LocalDate}) written in it. Only strict addresses are recipients:
 * a letter to a complainant whose address was not read strictly (issue 9) is not queued
 * at all.
 */
@Component
public class CaseMailer {

	private static final Logger log = LoggerFactory.getLogger(CaseMailer.class);

	private final MailComposer composer;

	private final Outbox outbox;

	private final Correspondence correspondence;

	private final CommitteeSettings committee;

	private final ZoneId zone;

	private final Clock clock;

	private final CaseThreading threading;

	private final CaseStandings summaries;

	private final CaseLanguages languages;

	CaseMailer(MailComposer composer, Outbox outbox, Correspondence correspondence, CommitteeSettings committee,
			TermsSettings terms, CaseThreads threads, CaseStandings summaries, CaseLanguages languages, Clock clock) {
		this.languages = languages;
		this.summaries = summaries;
		this.composer = composer;
		this.outbox = outbox;
		this.correspondence = correspondence;
		this.committee = committee;
		this.zone = terms.zone();
		this.clock = clock;
		this.threading = new CaseThreading(threads, committee.chair().email());
	}

	/** The chair's address, where notifications go. */
	public String chair() {
		return this.committee.chair().email();
	}

	/**
	 * Sends a letter about the case, threaded with the case's mail
	 * ({@link CaseThreading}).
	 */
	public ComposedMail send(RegisteredComplaint complaint, Letter letter) {
		ComposedMail mail = compose(about(complaint, this.threading.thread(complaint, letter)),
				complaint.reference().toString());
		if (mail.recipients().isEmpty()) {
			log.warn("Letter {} on {} has no strict recipient; not queued", letter.purpose(), complaint.reference());
			return mail;
		}
		Instant now = this.clock.instant();
		long outboxId = this.outbox.add(complaint.id(), letter.purpose(), mail.messageId(), mail.sender(),
				mail.recipients(), mail.raw(), now);
		this.correspondence.add(
				new Correspondence.Letter(complaint.id(), Correspondence.Direction.OUT,
						now.atZone(this.zone).toOffsetDateTime(), mail.sender(), String.join(", ", mail.recipients()),
						mail.subject(), mail.messageId(), letter.purpose(), mail.text(), mail.text(), null, outboxId),
				List.of());
		return mail;
	}

	/**
	 * A letter about no case (e.g. HELP without a reference): queued, not filed on a
	 * case.
	 */
	public ComposedMail sendUnfiled(Letter letter) {
		ComposedMail mail = compose(letter, null);
		if (mail.recipients().isEmpty()) {
			log.warn("Letter {} has no strict recipient; not queued", letter.purpose());
			return mail;
		}
		this.outbox.add(null, letter.purpose(), mail.messageId(), mail.sender(), mail.recipients(), mail.raw(),
				this.clock.instant());
		return mail;
	}

	/**
	 * The letter with the case's facts every template may show: the name, for officials
	 * the state line, and for the complainant the case's language (CONTRACT §4; everyone
	 * else reads Dutch).
	 */
	private Letter about(RegisteredComplaint complaint, Letter letter) {
		Map<String, Object> model = new HashMap<>(letter.model());
		if (!letter.to().isEmpty()
				&& letter.to().stream().allMatch((to) -> Ascii.equalsIgnoreCase(to, complaint.complainantEmail()))) {
			model.putIfAbsent(MailComposer.LANGUAGE, this.languages.of(complaint.id()).code());
		}
		CaseStanding summary = this.summaries.find(complaint.id()).orElse(null);
		if (summary == null) {
			return withModel(letter, model);
		}
		model.putIfAbsent("complainantName", summary.complainantName());
		if (!letter.to().isEmpty() && letter.to().stream().allMatch(this.committee::isOfficial)) {
			model.putIfAbsent("stateLine", StateLine.of(summary, this.clock.instant().atZone(this.zone).toLocalDate()));
		}
		return withModel(letter, model);
	}

	private static Letter withModel(Letter letter, Map<String, Object> model) {
		return new Letter(letter.purpose(), letter.to(), letter.reference(), letter.inReplyTo(), letter.references(),
				model, letter.attachments(), letter.answer());
	}

	/**
	 * Days and moments in the model written for people in the letter's language ("1
	 * December 2026").
	 */
	private static void writeDates(Map<String, Object> model) {
		Language language = Language.parse(String.valueOf(model.get(MailComposer.LANGUAGE))).orElse(Language.NL);
		model.replaceAll((key, value) -> (value instanceof LocalDate || value instanceof OffsetDateTime)
				? PeopleDates.date((TemporalAccessor) value, language) : value);
	}

	private ComposedMail compose(Letter letter, String reference) {
		Map<String, Object> model = new HashMap<>(letter.model());
		model.putIfAbsent("chairName", this.committee.chair().name());
		model.putIfAbsent("chairTitle", this.committee.chair().title() == null ? "" : this.committee.chair().title());
		model.putIfAbsent("committee", "Klachtencommissie " + this.committee.provider());
		model.putIfAbsent("provider", this.committee.provider());
		model.putIfAbsent("guidance", List.of());
		writeDates(model);
		List<String> to = letter.to().stream().filter(EmailAddress::isValid).map(this::spelled).toList();
		return this.composer.compose(new Letter(letter.purpose(), to, reference, letter.inReplyTo(),
				letter.references(), model, letter.attachments(), letter.answer()));
	}

	/**
	 * A committee, management or appeals address as configured
	 * ({@code NCJansen@klikklaar.com}), whatever case the mail it answers wrote it in:
	 * addresses are compared folded, but shown as their owner spells them. Any other
	 * address stays as given.
	 */
	private String spelled(String address) {
		return Stream
			.concat(Stream.of(this.committee.chair(), this.committee.appeals()),
					Stream.concat(this.committee.members().stream(), this.committee.management().stream()))
			.map(CommitteeSettings.Person::email)
			.filter((email) -> email != null && EmailAddress.isValid(email.strip()))
			.map(String::strip)
			.filter((email) -> Ascii.equalsIgnoreCase(email, address))
			.findFirst()
			.orElse(address);
	}

}

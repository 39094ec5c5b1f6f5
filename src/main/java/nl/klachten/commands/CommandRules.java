package nl.klachten.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import nl.klachten.appeals.AppealDesk;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.register.CaseState;
import nl.klachten.register.RegisteredComplaint.Status;

import org.springframework.stereotype.Component;

/**
 * Whether every command of a (trusted, see {@link CommandTrust}) mail may run: the sender
 * may give each command, the case exists where one is needed, and each command fits the
 * case as it is (and as the earlier lines of the same mail leave it). The first line that
 * may not run refuses the whole mail.
 */
@Component
class CommandRules {

	private static final Set<Keyword> AFTER_DECISION = Set.of(Keyword.MAATREGEL, Keyword.GEEN_MAATREGEL,
			Keyword.NOTITIE, Keyword.HEROPEN, Keyword.STATUS, Keyword.HELP, Keyword.TAAL);

	/**
	 * A withdrawal can be undone by the committee (a forged or mistaken INTREKKEN), so
	 * HEROPEN is allowed.
	 */
	private static final Set<Keyword> ON_WITHDRAWN = Set.of(Keyword.STATUS, Keyword.HELP, Keyword.NOTITIE,
			Keyword.HEROPEN);

	private final CommitteeSettings committee;

	private final DeadlinePolicy deadlines;

	private final AppealDesk appeals;

	private final Clock clock;

	CommandRules(CommitteeSettings committee, DeadlinePolicy deadlines, AppealDesk appeals, Clock clock) {
		this.appeals = appeals;
		this.committee = committee;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	Optional<ParsedCommands.Refusal> check(CommandMail mail, ParsedCommands.Commands commands, CaseState state) {
		String employeeEmail = state == null ? null : state.employeeEmail();
		for (CommandLine line : commands.commands()) {
			Optional<String> reason = reason(line, mail.sender(), state, employeeEmail, commands.text());
			if (reason.isPresent()) {
				return Optional.of(new ParsedCommands.Refusal(line.number(), line.line(), reason.get()));
			}
			if (line.command() instanceof ChairCommand.SetEmployee set && set.email() != null) {
				employeeEmail = set.email();
			}
		}
		return Optional.empty();
	}

	private Optional<String> reason(CommandLine line, String sender, CaseState state, String employeeEmail,
			String text) {
		Keyword keyword = line.keyword();
		if (!allowed(keyword.authority(), sender)) {
			return Optional.of("U mag " + keyword.dutch() + " niet geven vanaf dit adres.");
		}
		if (state == null) {
			return keyword.needsCase() ? Optional.of("Geen dossier gevonden: beantwoord een mail over het dossier, of "
					+ "het overzicht met het kenmerk voor het commando (" + keyword.dutch() + " na het kenmerk).")
					: Optional.empty();
		}
		return stateReason(line, state, employeeEmail, text);
	}

	private Optional<String> stateReason(CommandLine line, CaseState state, String employeeEmail, String text) {
		Keyword keyword = line.keyword();
		if (keyword.authority() == Authority.APPEALS) {
			return appealReason(line, state);
		}
		Status status = state.complaint().status();
		if (status == Status.INGETROKKEN && !ON_WITHDRAWN.contains(keyword)) {
			return Optional.of("De klacht is ingetrokken door de klager; " + keyword.dutch() + " kan niet meer.");
		}
		if (status == Status.AFGEHANDELD && !AFTER_DECISION.contains(keyword)) {
			return Optional.of("Het dossier is afgehandeld; heropen het eerst met HEROPEN.");
		}
		if (keyword == Keyword.HEROPEN && status == Status.IN_BEHANDELING) {
			return Optional.of("Alleen een afgehandeld of ingetrokken dossier kan worden heropend.");
		}
		if (line.command() instanceof ChairCommand.AskEmployee && employeeEmail == null) {
			return Optional.of("Er is geen medewerker met e-mailadres bekend; geef eerst MEDEWERKER naam <adres>.");
		}
		if (line.command() instanceof ChairCommand.Extend extend) {
			return extensionReason(extend.term().from(state.decisionDue()), state.decisionDue(), text);
		}
		return Optional.empty();
	}

	/**
	 * R23: the appeals committee decides or extends an appeal that was filed and is not
	 * decided yet.
	 */
	private Optional<String> appealReason(CommandLine line, CaseState state) {
		if (line.command() instanceof ChairCommand.AppealExtend extend) {
			Optional<LocalDate> due = this.appeals.due(state.complaint());
			return due.isEmpty() ? this.appeals.decisionRefusal(state.complaint())
					: this.appeals.extensionRefusal(state.complaint(), extend.term().from(due.get()));
		}
		return this.appeals.decisionRefusal(state.complaint());
	}

	/**
	 * R11: a new term after today and after the current one, with a reason for the
	 * complainant.
	 */
	private Optional<String> extensionReason(LocalDate to, LocalDate current, String reason) {
		LocalDate today = this.deadlines.today(this.clock.instant());
		if (!to.isAfter(today)) {
			return Optional.of("De nieuwe termijn " + PeopleDates.date(to) + " ligt niet na vandaag ("
					+ PeopleDates.date(today) + ").");
		}
		if (!to.isAfter(current)) {
			return Optional.of("De nieuwe termijn " + PeopleDates.date(to) + " ligt niet na de huidige termijn ("
					+ PeopleDates.date(current) + ").");
		}
		if (reason.isBlank()) {
			return Optional.of("Geef onder de commando's de reden van de verlenging; de klager krijgt die te lezen.");
		}
		return Optional.empty();
	}

	private boolean allowed(Authority authority, String sender) {
		return switch (authority) {
			case COMMITTEE -> this.committee.isCommittee(sender);
			case COMMITTEE_OR_MANAGEMENT -> this.committee.isCommittee(sender) || this.committee.isManagement(sender);
			case APPEALS -> this.committee.isAppeals(sender);
			case ANY_TRUSTED -> this.committee.isOfficial(sender);
		};
	}

}

package nl.klachten.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFileText;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.CaseState;
import nl.klachten.register.Complaints;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * A command mail whose lines start with case references (CONTRACT §5, a reply to the
 * digest): each part acts on its own case. Trust is per part: a reply to the digest (or
 * to an answer that listed cases) may act on the cases that mail listed and went to the
 * sender, a reply to a mail about one case only on that case, an authenticated mail on
 * any case, and an untrusted one may only ask what changes nothing. Atomic as a
 * single-case mail: every part is parsed and checked (trust, authority, the case's state)
 * before any applies, and one bad line refuses the whole mail, naming that line. The
 * answer is one mail listing every line with what it did; each case files its own part of
 * the mail, never the others' lines (they may be about other complainants).
 */
@Component
class SeveralCases {

	private final CommandParser parser = new CommandParser();

	private final CommandRules rules;

	private final CommandEffects effects;

	private final CommandAnswers answers;

	private final CaseChanges changes;

	private final CaseFiles caseFiles;

	private final Complaints complaints;

	SeveralCases(CommandRules rules, CommandEffects effects, CommandAnswers answers, CaseChanges changes,
			CaseFiles caseFiles, Complaints complaints) {
		this.rules = rules;
		this.effects = effects;
		this.answers = answers;
		this.changes = changes;
		this.caseFiles = caseFiles;
		this.complaints = complaints;
	}

	/** One part, checked: its case, the case as it was, and its commands. */
	private record Checked(CaseParts.Part part, CaseState before, ParsedCommands.Commands commands) {
	}

	CommandDesk.Outcome handle(CommandMail mail, CommandTrust.Verdict verdict, String[] lines,
			List<CaseParts.Part> parts, BiConsumer<RegisteredComplaint, String> accepted) {
		RegisteredComplaint answered = verdict instanceof CommandTrust.Verdict.Answered a
				? this.complaints.find(a.caseId()).orElse(null) : null;
		List<Checked> checked = new ArrayList<>();
		Map<Long, Integer> seen = new HashMap<>();
		for (CaseParts.Part part : parts) {
			Optional<ParsedCommands.Refusal> refusal = check(mail, verdict, answered, lines, part, checked, seen);
			if (refusal.isPresent()) {
				ParsedCommands.Refusal r = refusal.get();
				String line = r.number() == 0 ? lines[part.start()].strip() : lines[r.number() - 1].strip();
				int number = r.number() == 0 ? part.start() + 1 : r.number();
				OperatorEvents.commandRefused(part.reference(), number, "not allowed", mail.messageId());
				this.answers.answer(mail, answered, "command-rejected",
						CommandAnswers.refusalModel(new ParsedCommands.Refusal(number, line, r.reason())));
				return new CommandDesk.Outcome(answered, true);
			}
		}
		checked.forEach((c) -> accepted.accept(c.before().complaint(), CaseParts.text(lines, c.part())));
		this.answers.answerListing(mail, checked.stream().map((c) -> c.part().reference()).toList(),
				"command-confirmation", apply(mail, checked));
		return new CommandDesk.Outcome(checked.get(0).before().complaint(), false);
	}

	/**
	 * Applies every part in order; the confirmation's model lists each line with what it
	 * did.
	 */
	private Map<String, Object> apply(CommandMail mail, List<Checked> checked) {
		List<String> done = new ArrayList<>();
		List<String> caseFilesText = new ArrayList<>();
		List<Map<String, Object>> sent = new ArrayList<>();
		boolean help = false;
		for (Checked c : checked) {
			CaseState state = c.before();
			OperatorEvents.commandApplied(c.part().reference(), CommandAnswers.keywords(c.commands()),
					mail.messageId());
			for (CommandLine line : c.commands().commands()) {
				String effect = this.effects.apply(line.command(), c.commands().text(), mail, state, sent);
				done.add(c.part().reference() + " " + line.line() + ": " + effect);
				state = this.changes.state(state.complaint());
				help |= line.command() instanceof ChairCommand.Help;
				if (line.command() instanceof ChairCommand.Status) {
					caseFilesText
						.add(CaseFileText.of(this.caseFiles.find(state.complaint().reference()).orElseThrow()));
				}
			}
		}
		return CommandAnswers.confirmationModel(done, sent, String.join("\n\n", caseFilesText), help);
	}

	private Optional<ParsedCommands.Refusal> check(CommandMail mail, CommandTrust.Verdict verdict,
			RegisteredComplaint answered, String[] lines, CaseParts.Part part, List<Checked> checked,
			Map<Long, Integer> seen) {
		Optional<RegisteredComplaint> found = ReferenceNumber.parse(part.reference()).flatMap(this.complaints::find);
		Optional<String> caseRefusal = caseRefusal(verdict, answered, part, found);
		if (caseRefusal.isPresent()) {
			return Optional.of(new ParsedCommands.Refusal(part.start() + 1, "", caseRefusal.get()));
		}
		RegisteredComplaint complaint = found.orElseThrow();
		Optional<ParsedCommands.Refusal> again = again(part, complaint, seen);
		if (again.isPresent()) {
			return again;
		}
		return checkCommands(mail, verdict, lines, part, complaint, checked);
	}

	/**
	 * The part's commands parsed and checked against the mail's trust, the sender's
	 * authority and the case as it is; kept on {@code checked} when none is refused.
	 */
	private Optional<ParsedCommands.Refusal> checkCommands(CommandMail mail, CommandTrust.Verdict verdict,
			String[] lines, CaseParts.Part part, RegisteredComplaint complaint, List<Checked> checked) {
		ParsedCommands parsed = this.parser.block(CaseParts.withoutReference(lines, part), part.start(), part.end());
		if (parsed instanceof ParsedCommands.Refusal refusal) {
			return Optional.of(refusal);
		}
		ParsedCommands.Commands commands = (ParsedCommands.Commands) parsed;
		Optional<ParsedCommands.Refusal> untrusted = verdict instanceof CommandTrust.Verdict.Untrusted
				? CommandTrust.onlyReadOnly(commands) : Optional.empty();
		CaseState before = this.changes.state(complaint);
		Optional<ParsedCommands.Refusal> refusal = untrusted.or(() -> this.rules.check(mail, commands, before));
		if (refusal.isEmpty()) {
			checked.add(new Checked(part, before, commands));
		}
		return refusal;
	}

	/**
	 * A case that already had a part above: its commands must stand together, in one
	 * part.
	 */
	private static Optional<ParsedCommands.Refusal> again(CaseParts.Part part, RegisteredComplaint complaint,
			Map<Long, Integer> seen) {
		Integer earlier = seen.putIfAbsent(complaint.id(), part.start() + 1);
		return earlier == null ? Optional.empty()
				: Optional.of(new ParsedCommands.Refusal(part.start() + 1, "", part.reference() + " staat al op regel "
						+ earlier + "; zet alle commando's voor één dossier onder elkaar."));
	}

	/**
	 * Whether the mail may act on the part's case at all: it exists, and the answered
	 * mail covers it.
	 */
	private static Optional<String> caseRefusal(CommandTrust.Verdict verdict, RegisteredComplaint answered,
			CaseParts.Part part, Optional<RegisteredComplaint> found) {
		if (verdict instanceof CommandTrust.Verdict.Answered) {
			return found.isPresent() && answered != null && found.get().id() == answered.id() ? Optional.empty()
					: Optional.of(part.reference() + ": dit dossier hoort niet bij de mail die u beantwoordt"
							+ (answered == null ? "" : " (over " + answered.reference() + ")")
							+ "; geef dit commando in een antwoord op een mail over dat dossier of op het overzicht.");
		}
		if (verdict instanceof CommandTrust.Verdict.Listed listed) {
			return found.isPresent() && listed.caseIds().contains(found.get().id()) ? Optional.empty()
					: Optional.of(part.reference() + ": dit dossier stond niet in het overzicht dat u beantwoordt.");
		}
		return found.isPresent() ? Optional.empty() : Optional.of("Dossier " + part.reference() + " bestaat niet.");
	}

}

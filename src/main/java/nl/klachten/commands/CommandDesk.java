package nl.klachten.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseFileText;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.CaseState;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Runs the commands of one mail from the committee, management or appeals committee
 * (CONTRACT §5): parse, check trust, authority and the case's state for every line, and
 * only then apply them all; a single refused line refuses the whole mail. Either way the
 * sender gets exactly one answer: a confirmation listing what changed, or a refusal
 * naming the line and the reason. Runs inside the intake transaction, so the changes and
 * every mail they cause commit together.
 */
@Component
public class CommandDesk {

	private final CommandParser parser = new CommandParser();

	private final CaseParts caseParts;

	private final CommandTrust trust;

	private final CommandRules rules;

	private final CommandEffects effects;

	private final CommandAnswers answers;

	private final SeveralCases severalCases;

	private final CaseChanges changes;

	private final CaseFiles caseFiles;

	CommandDesk(CommandTrust trust, CommandRules rules, CommandEffects effects, CommandAnswers answers,
			SeveralCases severalCases, CaseChanges changes, CaseFiles caseFiles, ReferenceSettings referenceSettings) {
		this.caseParts = new CaseParts(referenceSettings.prefix());
		this.trust = trust;
		this.rules = rules;
		this.effects = effects;
		this.answers = answers;
		this.severalCases = severalCases;
		this.changes = changes;
		this.caseFiles = caseFiles;
	}

	/**
	 * True when the new text starts with a command keyword (see
	 * {@link CommandStart#isCommand}).
	 */
	public static boolean startsWithKeyword(String newText) {
		return CommandStart.isCommand(newText);
	}

	/**
	 * True when the new text starts with a keyword or a near miss of one (see
	 * {@link CommandStart#isAttempt}).
	 */
	public static boolean startsLikeCommand(String newText) {
		return CommandStart.isAttempt(newText);
	}

	/**
	 * What became of a command mail: the case it applied to (or null), and whether it was
	 * refused.
	 */
	public record Outcome(RegisteredComplaint complaint, boolean refused) {
	}

	/**
	 * Handles a command mail. {@code named} is the case the mail names (threading), or
	 * null. The case the commands apply to is that of our mail it answers when it answers
	 * one (see {@link CommandTrust}); in a mail whose lines start with references, each
	 * part's own case (see {@link SeveralCases}). {@code accepted} runs with each such
	 * case and the part of the new text to file on it (null: the whole mail) once every
	 * line may run and before any applies (the intake files the mail on the case there),
	 * and never for a refused mail, so a refused or untrusted mail never becomes part of
	 * a case's thread.
	 */
	public Outcome handle(CommandMail mail, RegisteredComplaint named,
			BiConsumer<RegisteredComplaint, String> accepted) {
		String[] lines = CommandParser.lines(mail.newText());
		CaseParts.Split split = this.caseParts.split(lines);
		CommandTrust.Verdict verdict = this.trust.verdict(mail);
		if (split instanceof CaseParts.Split.Parts parts) {
			return this.severalCases.handle(mail, verdict, lines, parts.parts(), accepted);
		}
		RegisteredComplaint complaint = this.trust.caseOf(verdict, mail, named);
		if (split instanceof CaseParts.Split.Mixed mixed) {
			return refuse(mail, complaint, mixed.refusal());
		}
		ParsedCommands parsed = this.parser.parse(mail.newText());
		CaseState before = complaint == null ? null : this.changes.state(complaint);
		Optional<ParsedCommands.Refusal> refusal = parsed instanceof ParsedCommands.Refusal r ? Optional.of(r)
				: untrusted(verdict, (ParsedCommands.Commands) parsed, complaint)
					.or(() -> this.rules.check(mail, (ParsedCommands.Commands) parsed, before));
		if (refusal.isPresent()) {
			OperatorEvents.commandRefused(reference(complaint), refusal.get().number(), why(parsed, verdict),
					mail.messageId());
			return refuse(mail, complaint, refusal.get());
		}
		accepted.accept(complaint, null);
		return apply(mail, complaint, (ParsedCommands.Commands) parsed, before);
	}

	/** The refusal's kind for the operator's log line. */
	private static String why(ParsedCommands parsed, CommandTrust.Verdict verdict) {
		return parsed instanceof ParsedCommands.Refusal ? "not a command"
				: verdict instanceof CommandTrust.Verdict.Untrusted ? "not trusted" : "not allowed";
	}

	private Outcome refuse(CommandMail mail, RegisteredComplaint complaint, ParsedCommands.Refusal refusal) {
		this.answers.answer(mail, complaint, "command-rejected", CommandAnswers.refusalModel(refusal));
		return new Outcome(complaint, true);
	}

	/**
	 * Applies every line in order, each to the case as the lines before it left it, and
	 * confirms.
	 */
	private Outcome apply(CommandMail mail, RegisteredComplaint complaint, ParsedCommands.Commands commands,
			CaseState before) {
		List<String> done = new ArrayList<>();
		List<Map<String, Object>> sent = new ArrayList<>();
		CaseState state = before;
		for (CommandLine line : commands.commands()) {
			done.add(this.effects.apply(line.command(), commands.text(), mail, state, sent));
			if (state != null) {
				state = this.changes.state(state.complaint());
			}
		}
		String caseFile = has(commands, ChairCommand.Status.class) && complaint != null
				? CaseFileText.of(this.caseFiles.find(complaint.reference()).orElseThrow()) : "";
		this.answers.answer(mail, complaint, "command-confirmation",
				CommandAnswers.confirmationModel(done, sent, caseFile, has(commands, ChairCommand.Help.class)));
		OperatorEvents.commandApplied(reference(complaint), CommandAnswers.keywords(commands), mail.messageId());
		return new Outcome(complaint, false);
	}

	/**
	 * An untrusted mail may only ask what changes nothing (HELP, STATUS, OVERZICHT): the
	 * answer goes to the authorised address itself, so a forger learns nothing from it. A
	 * reply to the digest that names none of its cases is treated the same way.
	 */
	private static Optional<ParsedCommands.Refusal> untrusted(CommandTrust.Verdict verdict,
			ParsedCommands.Commands commands, RegisteredComplaint complaint) {
		boolean listedWithoutCase = verdict instanceof CommandTrust.Verdict.Listed && complaint == null;
		if (!(verdict instanceof CommandTrust.Verdict.Untrusted) && !listedWithoutCase) {
			return Optional.empty();
		}
		return CommandTrust.onlyReadOnly(commands);
	}

	private static String reference(RegisteredComplaint complaint) {
		return complaint == null ? null : complaint.reference().toString();
	}

	private static boolean has(ParsedCommands.Commands commands, Class<? extends ChairCommand> type) {
		return commands.commands().stream().anyMatch((line) -> type.isInstance(line.command()));
	}

}

package nl.klachten.commands;

import java.util.List;
import java.util.Map;

import nl.klachten.appeals.AppealDesk;
import nl.klachten.register.CaseState;

import org.springframework.stereotype.Component;

/**
 * What each command does to the register and who it writes to (CONTRACT §5, R11-R17,
 * R24), once {@link CommandRules} has cleared the whole mail. Returns, per command, one
 * line for the chair's confirmation, and adds to {@code sent} each mail to the
 * complainant or the employee as it went out, so the confirmation can show the chair
 * exactly what the recipient got. The letters are {@link CaseLetters}', the register-only
 * changes {@link RegisterEntries}', the appeal's outcome the {@link AppealDesk}'s; this
 * class only picks which one a command is for.
 */
@Component
class CommandEffects {

	private final CaseLetters letters;

	private final RegisterEntries entries;

	private final AppealDesk appeals;

	private final DigestRequests digest;

	CommandEffects(CaseLetters letters, RegisterEntries entries, AppealDesk appeals, DigestRequests digest) {
		this.letters = letters;
		this.entries = entries;
		this.appeals = appeals;
		this.digest = digest;
	}

	String apply(ChairCommand command, String text, CommandMail mail, CaseState state, List<Map<String, Object>> sent) {
		if (command instanceof ChairCommand.Status) {
			return "Het volledige dossier staat hieronder.";
		}
		if (command instanceof ChairCommand.Help) {
			return "De commando's staan hieronder.";
		}
		if (command instanceof ChairCommand.Digest) {
			this.digest.sendNow(this.digest.today());
			return "Het overzicht van termijnen is verstuurd (aparte mail).";
		}
		if (command instanceof ChairCommand.AppealUpheld || command instanceof ChairCommand.AppealDismissed) {
			return this.appeals.decide(state.complaint(), command instanceof ChairCommand.AppealUpheld, text);
		}
		if (command instanceof ChairCommand.AppealExtend extend) {
			return this.appeals.extend(state.complaint(),
					extend.term().from(this.appeals.due(state.complaint()).orElseThrow()), text);
		}
		return this.letters.write(command, state, text, sent)
			.orElseGet(() -> this.entries.record(command, mail.sender(), state));
	}

}

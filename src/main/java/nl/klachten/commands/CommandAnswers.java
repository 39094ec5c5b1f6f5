package nl.klachten.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.klachten.outbound.CaseMailer;
import nl.klachten.outbound.ComposedMail;
import nl.klachten.outbound.Letter;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseState;
import nl.klachten.register.RegisteredComplaint;
import nl.klachten.register.SentMail;

import org.springframework.stereotype.Component;

/**
 * The one answer every command mail gets (CONTRACT §5), always to its sender and in reply
 * to it: on the case when the mail acted on one (with the commands that fit the case
 * now), unfiled when it acted on none or on several. The answer to a mail about several
 * cases records which cases it listed, so that a reply to it can again act on those cases
 * and no others.
 */
@Component
class CommandAnswers {

	private final CaseMailer mailer;

	private final CaseChanges changes;

	private final SentMail sentMail;

	CommandAnswers(CaseMailer mailer, CaseChanges changes, SentMail sentMail) {
		this.mailer = mailer;
		this.changes = changes;
		this.sentMail = sentMail;
	}

	/** Answers on the case, or unfiled when {@code complaint} is null. */
	void answer(CommandMail mail, RegisteredComplaint complaint, String purpose, Map<String, Object> model) {
		if (complaint == null) {
			this.mailer.sendUnfiled(letter(mail, purpose, model));
			return;
		}
		CaseState current = this.changes.state(complaint);
		Map<String, Object> withGuidance = new HashMap<>(model);
		withGuidance.put("guidance", Guidance.forCase(current));
		this.mailer.send(current.complaint(), letter(mail, purpose, withGuidance));
	}

	/**
	 * Answers a mail that acted on several cases: one unfiled mail that lists them (by
	 * reference).
	 */
	void answerListing(CommandMail mail, List<String> references, String purpose, Map<String, Object> model) {
		ComposedMail sent = this.mailer.sendUnfiled(letter(mail, purpose, model));
		if (!sent.recipients().isEmpty()) {
			this.sentMail.listed(sent.messageId(), references);
		}
	}

	static Map<String, Object> refusalModel(ParsedCommands.Refusal refusal) {
		Map<String, Object> model = new HashMap<>();
		model.put("lineNumber", refusal.number());
		model.put("line", refusal.line());
		model.put("reason", refusal.reason());
		return model;
	}

	/**
	 * The confirmation: what each line did, the mails as they went out, the case file for
	 * STATUS ({@code ""} without) and the command table for HELP.
	 */
	static Map<String, Object> confirmationModel(List<String> done, List<Map<String, Object>> sent, String caseFile,
			boolean help) {
		Map<String, Object> model = new HashMap<>();
		model.put("changes", done);
		model.put("sent", sent);
		model.put("caseFile", caseFile);
		model.put("help", help ? Keyword.helpTable() : "");
		return model;
	}

	/** The keywords of the block, for the operator's log line (never the text). */
	static String keywords(ParsedCommands.Commands commands) {
		return commands.commands().stream().map((line) -> line.keyword().name()).collect(Collectors.joining(" "));
	}

	private static Letter letter(CommandMail mail, String purpose, Map<String, Object> model) {
		List<String> references = new ArrayList<>(mail.references());
		if (mail.messageId() != null) {
			references.add(mail.messageId());
		}
		return new Letter(purpose, List.of(mail.sender()), null, mail.messageId(), references, model);
	}

}

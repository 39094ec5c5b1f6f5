package nl.klachten.intake;

import nl.klachten.commands.CommandDesk;
import nl.klachten.commands.CommandMail;
import nl.klachten.committee.EventCounter;
import nl.klachten.mailbox.Filing;
import nl.klachten.register.InboundRecord.Outcome;

import org.springframework.stereotype.Component;

/**
 * Hands a command mail to the {@link CommandDesk} and files it: on the case the commands
 * apply to only when they are accepted; a refused or untrusted one is kept in the ignored
 * list (linked to the case it named), so its Message-ID never becomes a way into a case's
 * thread (CONTRACT §5). A mail about several cases (reference lines in a reply to the
 * digest) is read once and filed on each case with that case's part only, without its
 * attachments.
 */
@Component
class CommandFiling {

	private final CommandDesk desk;

	private final InboundRecorder recorder;

	private final EventCounter counter;

	CommandFiling(CommandDesk desk, InboundRecorder recorder, EventCounter counter) {
		this.desk = desk;
		this.recorder = recorder;
		this.counter = counter;
	}

	Filing.Destination file(Route.Command route, String newText, MailEntry entry) {
		long[] inboundId = { -1 };
		CommandDesk.Outcome outcome = this.desk.handle(commandMail(entry.mail(), newText), route.named(),
				(complaint, part) -> {
					if (complaint == null) {
						return;
					}
					if (inboundId[0] < 0) {
						inboundId[0] = this.recorder.record(entry, complaint.id(), Outcome.CASE, "command");
					}
					if (part == null) {
						this.recorder.addLetter(entry, complaint.id(), inboundId[0], route.kind(), newText);
					}
					else {
						this.recorder.addPart(entry, complaint.id(), inboundId[0], route.kind(), part);
					}
				});
		this.counter.command(outcome.refused());
		if (inboundId[0] < 0) {
			this.recorder.settle(entry, outcome.complaint() == null ? null : outcome.complaint().id(), Outcome.IGNORED,
					outcome.refused() ? "command-refused" : "command");
		}
		return Filing.Destination.PROCESSED;
	}

	private static CommandMail commandMail(InboundMail mail, String newText) {
		return new CommandMail(mail.strictSender().orElse(""), mail.messageId(), mail.references(), mail.subject(),
				newText,
				mail.headers()
					.placed("Authentication-Results", "Received")
					.stream()
					.map((ar) -> new CommandMail.Stamp(ar.value(), ar.below()))
					.toList());
	}

}

package nl.klachten.intake;

import java.time.Instant;
import java.util.Optional;

import nl.klachten.register.Outbox;
import nl.klachten.threading.MailThread;
import nl.klachten.threading.ReplyText;
import nl.klachten.threading.ThreadClues;
import nl.klachten.threading.ThreadResolver;

/**
 * A mail as the rules of {@link MailRoutes} see it: the parsed mail with its raw bytes
 * and receipt time, the processor's own outbox row under its Message-ID (if any), and its
 * thread and the new text of a reply. The thread and the new text are worked out when a
 * rule first asks and kept, so a mail ignored by an early rule costs no threading
 * look-ups and every later rule sees the same.
 */
final class MailFacts {

	private final InboundMail mail;

	private final byte[] raw;

	private final Instant receivedAt;

	private final Optional<Outbox.Written> own;

	private final ThreadResolver threads;

	private MailThread thread;

	private String newText;

	public MailFacts(InboundMail mail, byte[] raw, Instant receivedAt, Optional<Outbox.Written> own,
			ThreadResolver threads) {
		this.mail = mail;
		this.raw = raw;
		this.receivedAt = receivedAt;
		this.own = own;
		this.threads = threads;
	}

	public InboundMail mail() {
		return this.mail;
	}

	/** The mail's bytes as read. */
	public byte[] raw() {
		return this.raw;
	}

	/** When the mail server received the mail (R6). */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/** The mail the processor wrote under this mail's Message-ID, if it wrote one. */
	public Optional<Outbox.Written> own() {
		return this.own;
	}

	/**
	 * The text the sender wrote, without quoted history and signature
	 * ({@link ReplyText}).
	 */
	public String newText() {
		if (this.newText == null) {
			this.newText = ReplyText.split(this.mail.text()).newText();
		}
		return this.newText;
	}

	/**
	 * The case the mail belongs to, resolved from its strict sender, references, subject
	 * and text.
	 */
	public MailThread thread() {
		if (this.thread == null) {
			this.thread = this.threads.resolve(new ThreadClues(this.mail.strictSender().orElse(""),
					this.mail.references(), this.mail.subject(), this.mail.text()));
		}
		return this.thread;
	}

	@Override
	public String toString() {
		return "MailFacts[" + this.mail + "]";
	}

}

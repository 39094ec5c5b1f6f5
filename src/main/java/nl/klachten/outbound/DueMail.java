package nl.klachten.outbound;

import java.util.List;

import nl.klachten.register.QueuedMail;

/**
 * The outbox rows due in one tick of the outbound flow, as one typed message: the flow
 * hands it from {@link OutboxSender#due()} to {@link OutboxSender#send(DueMail)} without
 * a raw {@code List}.
 */
public record DueMail(List<QueuedMail> mails) {

	public DueMail {
		mails = List.copyOf(mails);
	}

}

package nl.klachten.mailbox;

import java.util.List;

/**
 * The mails of one FETCH, processed in one register transaction, with the inbox's
 * UIDVALIDITY at the time of the read (-1 when unknown): the UIDs mean something only
 * together with it.
 */
public record MailBatch(List<FetchedMail> mails, long uidValidity) {

	public MailBatch {
		mails = List.copyOf(mails);
	}

	public MailBatch(List<FetchedMail> mails) {
		this(mails, -1);
	}

}

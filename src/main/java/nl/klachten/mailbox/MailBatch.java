package nl.klachten.mailbox;

import java.util.List;

/** The mails of one FETCH, processed in one register transaction. */
public record MailBatch(List<FetchedMail> mails) {

	public MailBatch {
		mails = List.copyOf(mails);
	}

}

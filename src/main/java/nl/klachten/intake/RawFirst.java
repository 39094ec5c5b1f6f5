package nl.klachten.intake;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import nl.klachten.mailbox.FetchedMail;
import nl.klachten.register.DataFiles;

/**
 * The raw bytes of a batch's mails, stored before the first of them is taken (issue 15):
 * every mail's raw file is on disk before its register transaction, as before, but the
 * batch waits for the disk once instead of twice per mail ({@link DataFiles#storeMails}).
 * A mail without a body or over the size limit is left out: the intake stores what it has
 * of those itself. A storage failure is a fault of the register's machine, which stops
 * the batch before any mail of it is taken.
 */
final class RawFirst {

	private RawFirst() {
	}

	static Map<FetchedMail, DataFiles.Stored> store(DataFiles files, List<FetchedMail> mails) {
		List<FetchedMail> whole = new ArrayList<>();
		List<byte[]> contents = new ArrayList<>();
		for (FetchedMail mail : mails) {
			if (!mail.bodyMissing() && !mail.oversize()) {
				whole.add(mail);
				contents.add(mail.raw());
			}
		}
		List<DataFiles.Stored> stored = files.storeMails(contents);
		Map<FetchedMail, DataFiles.Stored> byMail = new IdentityHashMap<>();
		for (int i = 0; i < whole.size(); i++) {
			byMail.put(whole.get(i), stored.get(i));
		}
		return byMail;
	}

}

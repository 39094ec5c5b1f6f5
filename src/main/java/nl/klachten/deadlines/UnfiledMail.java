package nl.klachten.deadlines;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

import nl.klachten.committee.PeopleDates;
import nl.klachten.mailbox.PendingFilings;

/**
 * The digest's line about mail read but waiting to be filed: the server would not let the
 * intake move it to the processed folder. None without a running intake, until
 * {@link #watch} is called.
 */
final class UnfiledMail {

	private final ZoneId zone;

	private volatile Supplier<PendingFilings.State> filings = () -> new PendingFilings.State(0, null, 0, null);

	private volatile String processedFolder = "";

	UnfiledMail(ZoneId zone) {
		this.zone = zone;
	}

	void watch(Supplier<PendingFilings.State> filings, String processedFolder) {
		this.filings = filings;
		this.processedFolder = processedFolder;
	}

	/**
	 * One line when mail waits to be filed: how many, since when, and the folder; they
	 * are in the register already, they only stay in the inbox.
	 */
	Map<String, Object> addTo(Map<String, Object> model) {
		PendingFilings.State state = this.filings.get();
		if (state.waiting() > 0 && state.since() != null) {
			model.put("unfiled",
					state.waiting() + (state.waiting() == 1 ? " mail kon" : " mails konden") + " sinds "
							+ PeopleDates.date(state.since().atZone(this.zone)) + " niet in " + this.processedFolder
							+ " worden opgeborgen; ze zijn wel verwerkt en blijven in de inbox"
							+ " tot de mailserver het toelaat.");
		}
		return model;
	}

}

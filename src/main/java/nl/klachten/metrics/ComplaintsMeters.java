package nl.klachten.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.klachten.committee.EventCounter;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code complaints_*} counters, incremented at the events. An event inside a
 * register transaction counts when that transaction commits, so a batch that is rolled
 * back and read again is not counted twice (a single mail's savepoint rolled back inside
 * a committed batch still counts once per try). Tags are kinds and reason codes from
 * fixed sets; a reason is cut to its code ({@code processing-failed:IOException} counts
 * as {@code processing-failed}).
 */
@Component
class ComplaintsMeters implements EventCounter {

	static final String ACKNOWLEDGEMENT = "acknowledgement";

	private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");

	private final MeterRegistry registry;

	private final Counter mailsRead;

	private final Counter casesRegistered;

	private final Counter acknowledgementsSent;

	private final Counter commandsAccepted;

	private final Counter commandsRefused;

	ComplaintsMeters(MeterRegistry registry) {
		this.registry = registry;
		this.mailsRead = counter("complaints.mails.read", "Mails read from the inbox");
		this.casesRegistered = counter("complaints.cases.registered", "New complaints registered as cases");
		this.acknowledgementsSent = counter("complaints.acknowledgements.sent",
				"Acknowledgements sent to complainants");
		this.commandsAccepted = counter("complaints.commands.accepted", "Command mails applied");
		this.commandsRefused = counter("complaints.commands.refused", "Command mails refused");
	}

	@Override
	public void mailsRead(int count) {
		afterCommit(() -> this.mailsRead.increment(count));
	}

	@Override
	public void caseRegistered() {
		afterCommit(this.casesRegistered::increment);
	}

	@Override
	public void ignored(String reason) {
		afterCommit(() -> tagged("complaints.mails.ignored", "Mails kept in the ignored list", "reason", reason));
	}

	@Override
	public void quarantined(String reason) {
		afterCommit(() -> tagged("complaints.mails.quarantined", "Mails quarantined", "reason", reason));
	}

	@Override
	public void command(boolean refused) {
		afterCommit(refused ? this.commandsRefused::increment : this.commandsAccepted::increment);
	}

	@Override
	public void mailSent(String kind) {
		afterCommit(() -> {
			tagged("complaints.mails.sent", "Mails sent over SMTP", "kind", kind);
			if (ACKNOWLEDGEMENT.equals(kind)) {
				this.acknowledgementsSent.increment();
			}
		});
	}

	@Override
	public void mailRefused(String kind) {
		afterCommit(() -> tagged("complaints.mails.refused", "Mails refused for every recipient", "kind", kind));
	}

	@Override
	public void noticePlaced(String kind) {
		afterCommit(() -> tagged("complaints.notices.placed", "Notices placed in the chair's folder", "kind", kind));
	}

	/**
	 * A code from a fixed set, never free text: the part before a colon, else
	 * {@code other}.
	 */
	static String code(String value) {
		if (value == null) {
			return "none";
		}
		String code = value.split(":", 2)[0].toLowerCase(Locale.ROOT);
		return CODE.matcher(code).matches() ? code : "other";
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

	private void tagged(String name, String description, String tag, String value) {
		Counter.builder(name).description(description).tag(tag, code(value)).register(this.registry).increment();
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}

package nl.klachten.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * The backlog: B complaints put into the intake INBOX by IMAP APPEND before the processor
 * starts (as after a holiday or an outage), then a fresh processor, and the time from its
 * start until every complaint is filed (the INBOX empty, the processed folder holding all
 * B) and every acknowledgement has arrived; with its peak resident memory and CPU time
 * over the drain.
 */
final class Backlog {

	private static final String PROCESSED = "Klachten/Verwerkt";

	private Backlog() {
	}

	/**
	 * Appends them, starts a processor with a fresh register in {@code dir}, and measures
	 * the drain.
	 */
	static Map<String, Object> drain(MailServers servers, List<Complaint> complaints, Path dir) throws Exception {
		int count = complaints.size();
		long t0 = System.nanoTime();
		append(servers, complaints);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("complaints", count);
		figures.put("append_s", (System.nanoTime() - t0) / 1e9);
		try (ProcessorRun processor = new ProcessorRun(servers, dir)) {
			measure(servers, complaints.stream().map(Complaint::messageId).toList(), processor, figures);
		}
		return figures;
	}

	private static void measure(MailServers servers, List<String> ids, ProcessorRun processor,
			Map<String, Object> figures) throws Exception {
		long start = System.nanoTime();
		figures.put("startup_to_first_read_s", processor.awaitFirstRead());
		Duration atMost = Duration.ofSeconds(Math.max(300, ids.size()));
		boolean acknowledged = servers.arrivals().awaitAll(ids, atMost, processor::alive);
		long filed = acknowledged ? awaitFiled(servers, ids.size(), processor) : -1;
		long last = ids.stream()
			.map(servers.arrivals()::at)
			.filter((at) -> at != null)
			.mapToLong(Long::longValue)
			.max()
			.orElse(0);
		boolean drained = acknowledged && filed > 0;
		figures.put("drained", drained);
		figures.put("acknowledged", servers.arrivals().answered(ids));
		figures.put("drain_s", drained ? (Math.max(last, filed) - start) / 1e9 : null);
		figures.put("per_s", drained ? ids.size() / ((Math.max(last, filed) - start) / 1e9) : null);
		figures.put("peak_rss_mib", processor.peakRssMiB());
		figures.put("cpu_s", processor.cpuSeconds());
	}

	/**
	 * Waits (at most 60 s after the last acknowledgement) until the INBOX is empty and
	 * the processed folder full; returns when that was seen ({@code System.nanoTime}), or
	 * -1.
	 */
	private static long awaitFiled(MailServers servers, int count, ProcessorRun processor) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			processor.alive();
			// a connection of its own each time: GreenMail drops one that was idle for
			// long
			try (Store store = store(servers)) {
				if (size(store, "INBOX") == 0 && size(store, PROCESSED) >= count) {
					return System.nanoTime();
				}
			}
			Thread.sleep(200);
		}
		return -1;
	}

	private static int size(Store store, String name) throws MessagingException {
		Folder folder = store.getFolder(name.replace('/', store.getDefaultFolder().getSeparator()));
		return folder.exists() ? folder.getMessageCount() : 0;
	}

	/** APPENDs them to the intake INBOX, 500 to a command. */
	static void append(MailServers servers, List<Complaint> complaints) throws MessagingException {
		Session session = servers.imapSession();
		try (Store store = store(servers)) {
			Folder inbox = store.getFolder("INBOX");
			for (int from = 0; from < complaints.size(); from += 500) {
				List<Complaint> chunk = complaints.subList(from, Math.min(complaints.size(), from + 500));
				Message[] messages = new Message[chunk.size()];
				for (int i = 0; i < messages.length; i++) {
					messages[i] = new MimeMessage(session, new ByteArrayInputStream(chunk.get(i).raw()));
				}
				inbox.appendMessages(messages);
			}
		}
	}

	private static Store store(MailServers servers) throws MessagingException {
		Store store = servers.imapSession().getStore("imap");
		store.connect(servers.host(), servers.imapPort(), MailServers.INTAKE, MailServers.INTAKE_PASSWORD);
		return store;
	}

}

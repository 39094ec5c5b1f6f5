package nl.klachten.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fail-over with real processes (issue 16, CONTRACT §7): three processes of the packaged
 * jar on one PostgreSQL register, each serving the same three tenants, each tenant with
 * its own mailbox ({@code tenant1@klikklaar.com} …) on the servers given: Dovecot and
 * Postfix ({@link FailoverRealServerIT}) or GreenMail in the test JVM
 * ({@link FailoverIT}). For each tenant one process leads: it reads that mailbox and
 * sends that tenant's outbox. Half the complaints wait in the inboxes at start, the rest
 * arrive while processes are killed with SIGKILL, mostly one that leads a tenant, and
 * started again. Every tenant whose leader is killed is taken over by another process;
 * the time from the kill to that is printed, and must stay within 10 s. At the end every
 * complaint is registered once, in its own tenant, with gap-free reference numbers per
 * tenant, each complainant has one acknowledgement by Message-ID (a kill between the
 * server's acceptance and the record may send a mail twice, with the same Message-ID,
 * CONTRACT §4), every notice is placed once and every outbox is drained.
 * <p>
 * {@code -Dfailover.mails=600 -Dfailover.kills=30} is the long form; CI runs the default.
 * {@code -Dfailover.tenants=N} (1 to 3). Seed: {@code -Dcrash.seed=...}.
 */
final class FailoverRun implements AutoCloseable {

	private static final List<String> TENANTS = List.of("alpha", "beta", "gamma")
		.subList(0, Integer.getInteger("failover.tenants", 3));

	private static final int N = Integer.getInteger("failover.mails", 90);

	private static final int KILLS = Integer.getInteger("failover.kills", 4);

	private static final int INSTANCES = Integer.getInteger("failover.instances", 3);

	private static final Duration TAKEOVER = Duration.ofSeconds(10);

	private final FuzzServers servers;

	private CrashHarness harness;

	private final Process[] processes = new Process[INSTANCES];

	private final Path[] logs = new Path[INSTANCES];

	private final int[] starts = new int[INSTANCES];

	FailoverRun(FuzzServers servers) {
		this.servers = servers;
	}

	/** The mailboxes of the tenants, as the servers know them. */
	static String[] mailboxes() {
		return TENANTS.stream().map(FailoverRun::chair).toArray(String[]::new);
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			if (process != null) {
				process.destroyForcibly();
			}
		}
		if (this.harness != null) {
			this.harness.close();
		}
		this.servers.close();
	}

	/**
	 * The tenants' mailboxes emptied, the harness made: the tenants' intake addresses.
	 */
	private List<String> prepare() throws IOException {
		List<String> arguments = new ArrayList<>();
		List<String> chairs = new ArrayList<>();
		for (int t = 0; t < TENANTS.size(); t++) {
			String id = TENANTS.get(t);
			arguments.addAll(tenant(t, id));
			chairs.add(chair(id));
			this.servers.empty(chair(id), "INBOX", "Klachten/Verwerkt", "Klachten/Meldingen", "Klachten/Quarantaine");
		}
		for (int i = 1; i <= 50; i++) {
			this.servers.empty("klager" + i + "@example.org", "INBOX");
		}
		// every acknowledgement at once: the hourly ceiling (200) would hold the long
		// form's
		arguments.add("--complaints.outbox.acknowledgements-per-hour=100000");
		this.harness = new CrashHarness(arguments);
		assertThat(this.harness.postgresql()).isTrue();
		return chairs;
	}

	/**
	 * The throughput of {@code failover.instances} processes serving the tenants (issue
	 * 16), no kills: once the leads have spread, {@code failover.mails} complaints at
	 * once over SMTP, until every one is registered and its mails sent. Prints the
	 * figure; checks only that nothing was lost.
	 */
	void measure() throws Exception {
		List<String> chairs = prepare();
		for (int i = 0; i < INSTANCES; i++) {
			start(i);
		}
		awaitAllStarted();
		int[] spread = awaitSpread();
		List<Map<String, String>> complaintIdBySender = new ArrayList<>();
		TENANTS.forEach((id) -> complaintIdBySender.add(new ConcurrentHashMap<>()));
		long start = System.nanoTime();
		// eight senders at once, as the benchmark of issue 15 hands its complaints in
		java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
		for (int i = 1; i <= N; i++) {
			int n = i;
			senders.submit(() -> deliver(chairs, n, complaintIdBySender));
		}
		senders.shutdown();
		assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
		double handedIn = (System.nanoTime() - start) / 1e9;
		awaitDrained(chairs, complaintIdBySender);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(java.util.Locale.ROOT,
				"[throughput] servers=%s instances=%d tenants=%d leaders=%s complaints=%d handed-in=%.1fs"
						+ " registered-and-sent=%.1fs complaints/s=%.1f%n",
				this.servers.name(), INSTANCES, TENANTS.size(), java.util.Arrays.toString(spread), N, handedIn, seconds,
				N / seconds);
		for (int t = 0; t < TENANTS.size(); t++) {
			this.harness.tenant(TENANTS.get(t));
			this.harness.assertRegister(complaintIdBySender.get(t).size());
		}
	}

	void run() throws Exception {
		List<String> chairs = prepare();
		List<Map<String, String>> complaintIdBySender = new ArrayList<>();
		TENANTS.forEach((id) -> complaintIdBySender.add(new ConcurrentHashMap<>()));
		for (int i = 1; i <= N / 2; i++) {
			deliver(chairs, i, complaintIdBySender);
		}
		for (int i = 0; i < INSTANCES; i++) {
			start(i);
		}
		Thread feeder = new Thread(() -> {
			for (int i = N / 2 + 1; i <= N; i++) {
				deliver(chairs, i, complaintIdBySender);
				// spread over the kill rounds (a restarted JVM takes some 15 s to start)
				sleep(KILLS * 15_000L / Math.max(1, N - N / 2));
			}
		}, "failover-feeder");
		feeder.start();

		List<Long> takeovers = new ArrayList<>();
		int leaderKills = 0;
		for (int k = 1; k <= KILLS; k++) {
			awaitAllStarted();
			int[] leaders = awaitLeaders();
			sleep(500 + this.harness.random().nextInt(2500));
			boolean killLeader = this.harness.random().nextInt(3) > 0;
			int victim = killLeader ? leaders[this.harness.random().nextInt(leaders.length)]
					: this.harness.random().nextInt(INSTANCES);
			long killedAt = System.nanoTime();
			this.processes[victim].destroyForcibly().waitFor();
			List<String> led = new ArrayList<>();
			for (int t = 0; t < TENANTS.size(); t++) {
				if (leaders[t] == victim) {
					led.add(TENANTS.get(t));
				}
			}
			if (!led.isEmpty()) {
				leaderKills++;
				int[] next = awaitLeaders();
				long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
				led.forEach((id) -> takeovers.add(ms));
				System.out.printf("[failover] kill %d: process %d, leading %s, killed; leaders now %s after %d ms%n", k,
						victim, led, java.util.Arrays.toString(next), ms);
			}
			else {
				System.out.printf("[failover] kill %d: process %d, leading nothing, killed%n", k, victim);
			}
			sleep(this.harness.random().nextInt(2000));
			start(victim);
		}
		feeder.join();

		awaitDrained(chairs, complaintIdBySender);
		int[] spread = awaitSpread();
		System.out.printf("[failover] leaders at the end, by tenant: %s%n", java.util.Arrays.toString(spread));
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}

		for (int t = 0; t < TENANTS.size(); t++) {
			String chair = chairs.get(t);
			this.harness.tenant(TENANTS.get(t));
			this.harness.assertRegister(complaintIdBySender.get(t).size());
			assertThat(this.harness
				.scalar("SELECT count(*) FROM complaint WHERE reference NOT LIKE '" + prefix(TENANTS.get(t)) + "-%'"))
				.as("cases of tenant %s under another prefix", TENANTS.get(t))
				.isEqualTo("0");
			List<MimeMessage> filed = this.servers.folder(chair, "Klachten/Verwerkt");
			CrashHarness.assertFiledOnce(complaintIdBySender.get(t).values(), filed,
					this.servers.folder(chair, "Klachten/Meldingen"));
			this.harness.assertAcknowledgedOnce(complaintIdBySender.get(t), this::mailTo, leaderKills, filed.size());
		}
		List<Long> sorted = takeovers.stream().sorted().toList();
		System.out.printf(
				"[failover] RESULT servers=%s seed=%d instances=%d tenants=%d kills=%d (of a leader %d, tenants taken over %d)"
						+ " complaints=%d lost=0 duplicated=0 takeover-ms p50=%s max=%s%n",
				this.servers.name(), this.harness.seed, INSTANCES, TENANTS.size(), KILLS, leaderKills, takeovers.size(),
				N, sorted.isEmpty() ? "-" : sorted.get((sorted.size() - 1) / 2),
				sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1));
		assertThat(sorted).as("take-over times after killing a leader, ms").allMatch((ms) -> ms <= TAKEOVER.toMillis());
	}

	/**
	 * Tenant {@code alpha}'s intake mailbox is {@code tenant1@klikklaar.com}, and so on.
	 */
	private static String chair(String tenant) {
		return "tenant" + (TENANTS.indexOf(tenant) + 1) + "@klikklaar.com";
	}

	/** The mail in the complainant's mailbox that was sent to this very address. */
	private List<MimeMessage> mailTo(String sender) {
		return this.servers.folder(sender, "INBOX").stream().filter((m) -> {
			try {
				return m.getRecipients(jakarta.mail.Message.RecipientType.TO) != null && java.util.Arrays
					.stream(m.getRecipients(jakarta.mail.Message.RecipientType.TO))
					.anyMatch((a) -> ((jakarta.mail.internet.InternetAddress) a).getAddress().equalsIgnoreCase(sender));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String prefix(String tenant) {
		return tenant.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * The keys of one tenant: its mailbox on the GreenMail server, committee and prefix.
	 */
	private List<String> tenant(int n, String id) {
		String t = "--complaints.tenants[" + n + "].";
		String address = chair(id);
		List<String> keys = new ArrayList<>();
		for (String argument : this.servers.processorArguments(address)) {
			keys.add(argument.replace("--complaints.mailbox.", t + "mailbox."));
		}
		keys.addAll(List.of(t + "id=" + id, t + "mailbox.address=" + address,
				t + "mailbox.display-name=Commissie " + id, t + "committee.provider=" + id,
				t + "committee.own-domains[0]=klikklaar.com", t + "committee.chair.name=Voorzitter " + id,
				t + "committee.chair.email=" + address, t + "committee.appeals.name=Beroep " + id,
				t + "committee.appeals.email=beroep@klikklaar.com", t + "reference.prefix=" + prefix(id)));
		return keys;
	}

	private void start(int instance) throws IOException {
		String name = instance + "-" + (++this.starts[instance]);
		this.logs[instance] = this.harness.instanceLog(name);
		this.processes[instance] = this.harness.instance(name).start();
	}

	private void awaitAllStarted() {
		await("all processes started").atMost(Duration.ofSeconds(90))
			// a killed process's dropped IMAP connection makes a GreenMail handler thread
			// throw
			.dontCatchUncaughtExceptions()
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				for (int i = 0; i < INSTANCES; i++) {
					assertThat(this.processes[i].isAlive()).as("process %d alive, see %s", i, this.logs[i]).isTrue();
					if (lines(this.logs[i], "Serving " + TENANTS.size() + " tenants") == 0) {
						return false;
					}
				}
				return true;
			});
	}

	/**
	 * For each tenant, the live process that leads it: its log says it took that tenant's
	 * lead and not that it lost it; never two for one tenant.
	 */
	private int[] awaitLeaders() {
		int[] leaders = new int[TENANTS.size()];
		await("every tenant has a leader").atMost(TAKEOVER.plusSeconds(20))
			// a killed process's dropped IMAP connection makes a GreenMail handler thread
			// throw
			.dontCatchUncaughtExceptions()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				boolean all = true;
				for (int t = 0; t < TENANTS.size(); t++) {
					String tenant = "the mailbox of tenant " + TENANTS.get(t) + ":";
					List<Integer> leading = new ArrayList<>();
					for (int i = 0; i < INSTANCES; i++) {
						if (this.processes[i].isAlive() && lines(this.logs[i],
								"> leads " + tenant) > lines(this.logs[i], "no longer leads " + tenant)) {
							leading.add(i);
						}
					}
					assertThat(leading).as("processes that lead tenant %s at once", TENANTS.get(t))
						.hasSizeLessThanOrEqualTo(1);
					leaders[t] = leading.isEmpty() ? -1 : leading.get(0);
					all &= !leading.isEmpty();
				}
				return all;
			});
		return leaders;
	}

	/** Every complaint registered, every mail sent, every intake inbox empty. */
	private void awaitDrained(List<String> chairs, List<Map<String, String>> complaintIdBySender) {
		await("the processes drain the inboxes and the outboxes").atMost(Duration.ofSeconds(180))
			// a killed process's dropped IMAP connection makes a GreenMail handler thread
			// throw
			.dontCatchUncaughtExceptions()
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				for (int t = 0; t < TENANTS.size(); t++) {
					this.harness.tenant(TENANTS.get(t));
					if (Long.parseLong(
							this.harness.scalar("SELECT count(*) FROM complaint")) != complaintIdBySender.get(t).size()
							|| Long.parseLong(
									this.harness.scalar("SELECT count(*) FROM outbox WHERE status <> 'sent'")) != 0
							|| this.servers.count(chairs.get(t), "INBOX") != 0) {
						return false;
					}
				}
				return true;
			});
	}

	/**
	 * The leads spread over the live processes (LeadShare): none leads more than its
	 * share of the tenants, once the hand-overs after the last restart are done.
	 */
	private int[] awaitSpread() {
		int share = (TENANTS.size() + INSTANCES - 1) / INSTANCES;
		int[][] leaders = { null };
		await("the leads spread over the processes").atMost(Duration.ofSeconds(90))
			.dontCatchUncaughtExceptions()
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				leaders[0] = awaitLeaders();
				int[] held = new int[INSTANCES];
				for (int leader : leaders[0]) {
					held[leader]++;
				}
				return java.util.Arrays.stream(held).allMatch((n) -> n <= share);
			});
		return leaders[0];
	}

	private static long lines(Path log, String text) {
		if (!Files.exists(log)) {
			return 0;
		}
		// "> leads" is a line that says the process leads, not that it no longer does
		boolean took = text.startsWith("> ");
		String wanted = took ? text.substring(2) : text;
		try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			return lines.filter((l) -> l.contains(wanted) && !(took && l.contains("no longer " + wanted))).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Complaint {@code i} to tenant {@code i mod tenants}, through the servers' SMTP,
	 * from {@code klagerK+i-…@example.org} (plus-addressing: klagerK's mailbox on the
	 * real servers).
	 */
	private void deliver(List<String> chairs, int i, List<Map<String, String>> complaintIdBySender) {
		int t = i % chairs.size();
		String sender = "klager" + (1 + i % 50) + "+" + i + "-" + UUID.randomUUID().toString().substring(0, 6)
				+ "@example.org";
		String messageId = UUID.randomUUID() + "@mail.example.org";
		complaintIdBySender.get(t).put(sender, "<" + messageId + ">");
		this.servers.send(sender, chairs.get(t), CrashHarness.complaint(i, sender, chairs.get(t), messageId));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package nl.klachten.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import static nl.klachten.MailFixtures.allText;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two providers served by one process (CONTRACT §7, issue 16): each tenant's mailbox is
 * read, answered and registered under its own committee, prefix and register; neither
 * sees the other's cases in mail, in the export or the CLI, or in the metrics; a
 * committee address of one tenant has no authority over the other's cases; health and
 * metrics name both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsIntegrationTests {

	private static final String ALPHA = "chair@alpha.example";

	private static final String BETA = "chair@beta.example";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(
				GreenMailConfiguration.aConfig().withUser(ALPHA, ALPHA, "alpha").withUser(BETA, BETA, "beta"))
		.withPerMethodLifecycle(false);

	private Path dir;

	private List<String> args;

	private ConfigurableApplicationContext host;

	@BeforeAll
	void start() throws Exception {
		this.dir = Files.createTempDirectory("tenants-");
		this.args = new ArrayList<>(List.of("--complaints.register.path=" + this.dir.resolve("register.db"),
				"--complaints.intake.poll-interval=500ms", "--management.server.port=0"));
		tenant(0, "alpha", ALPHA, "alpha", "AL");
		tenant(1, "beta", BETA, "beta", "BE");
		ConfigurableEnvironment all = ReadOnlyContext.environment(this.args);
		List<String> run = new ArrayList<>(List.of(ComplaintsCli.Run.SERVLET));
		run.addAll(this.args);
		this.host = TenantHost.start(run, all, Tenants.environments(all));
	}

	@AfterAll
	void stop() {
		if (this.host != null) {
			this.host.close();
		}
	}

	private void tenant(int n, String id, String address, String password, String prefix) {
		String t = "--complaints.tenants[" + n + "].";
		String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
		this.args.addAll(List.of(t + "id=" + id, t + "mailbox.address=" + address,
				t + "mailbox.display-name=Klachtencommissie " + name, t + "mailbox.imap.host=127.0.0.1",
				t + "mailbox.imap.port=" + greenMail.getImap().getPort(), t + "mailbox.imap.username=" + address,
				t + "mailbox.imap.password=" + password, t + "mailbox.imap.security=none",
				t + "mailbox.smtp.host=127.0.0.1", t + "mailbox.smtp.port=" + greenMail.getSmtp().getPort(),
				t + "mailbox.smtp.security=none", t + "committee.provider=" + name,
				t + "committee.own-domains[0]=" + id + ".example", t + "committee.chair.name=Voorzitter " + name,
				t + "committee.chair.email=" + address, t + "committee.management[0].name=Directie " + name,
				t + "committee.management[0].email=directie@" + id + ".example",
				t + "committee.appeals.name=Beroep " + name, t + "committee.appeals.email=beroep@" + id + ".example",
				t + "reference.prefix=" + prefix));
	}

	@Test
	void shouldServeEachTenantsMailboxUnderItsOwnCommitteePrefixAndRegister() throws Exception {
		String toAlpha = MailFixtures.uniqueSender();
		String toBeta = MailFixtures.uniqueSender();
		deliver(ALPHA, toAlpha, "Klacht over de levering", MailFixtures.newMessageId());
		deliver(BETA, toBeta, "Klacht over de factuur", MailFixtures.newMessageId());

		MimeMessage alphaAck = await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, toAlpha), (m) -> m.size() == 1)
			.get(0);
		MimeMessage betaAck = await().atMost(WAIT).until(() -> inboxOf(greenMail, toBeta), (m) -> m.size() == 1).get(0);
		assertThat(header(alphaAck, "From")).contains(ALPHA).contains("Alpha");
		assertThat(header(alphaAck, "X-Complaint-Reference")).matches("AL-\\d{4}-\\d{4}");
		assertThat(allText(alphaAck)).doesNotContain("Beta", "Klikklaar");
		assertThat(header(betaAck, "From")).contains(BETA).contains("Beta");
		assertThat(header(betaAck, "X-Complaint-Reference")).matches("BE-\\d{4}-\\d{4}");
		assertThat(allText(betaAck)).doesNotContain("Alpha", "Klikklaar");

		String alphaReference = header(alphaAck, "X-Complaint-Reference");
		String betaReference = header(betaAck, "X-Complaint-Reference");
		await().atMost(WAIT).until(() -> notices(ALPHA, alphaReference).size() == 1);
		await().atMost(WAIT).until(() -> notices(BETA, betaReference).size() == 1);
		for (MimeMessage notice : folder(ALPHA, MailFixtures.NOTICES)) {
			assertThat(allText(notice)).contains("AL-").doesNotContain("BE-");
		}
		for (MimeMessage notice : folder(BETA, MailFixtures.NOTICES)) {
			assertThat(allText(notice)).contains("BE-").doesNotContain("AL-");
		}

		assertThat(this.dir.resolve("alpha/register.db")).exists();
		assertThat(this.dir.resolve("beta/register.db")).exists();
		assertThat(this.dir.resolve("register.db")).doesNotExist();

		assertExport("alpha", "AL-", toAlpha, toBeta);
		assertExport("beta", "BE-", toBeta, toAlpha);
		assertThat(command("show", "--tenant", "alpha", alphaReference)).startsWith("0:");
		assertThat(command("show", "--tenant", "beta", alphaReference))
			.isEqualTo("1:complaints: no case " + alphaReference);
		assertThat(command("purge", "--tenant", "beta", "--dry-run")).startsWith("0:");
		assertThat(command("digest", "--tenant", "alpha", "--dry-run")).startsWith("0:");
	}

	/**
	 * Alpha's chair answers on Beta's case, with Beta's reference and a decision: Alpha's
	 * committee is nobody on Beta's side, so nothing is decided and the mail is Beta's
	 * correspondence from a stranger.
	 */
	@Test
	void shouldGiveOneTenantsCommitteeNoAuthorityOverAnothersCase() throws Exception {
		String complainant = MailFixtures.uniqueSender();
		deliver(BETA, complainant, "Klacht over het abonnement", MailFixtures.newMessageId());
		MimeMessage ack = await().atMost(WAIT)
			.until(() -> inboxOf(greenMail, complainant), (m) -> m.size() == 1)
			.get(0);
		String reference = header(ack, "X-Complaint-Reference");

		String forged = "From: Voorzitter Alpha <" + ALPHA + ">\r\nTo: " + BETA + "\r\nSubject: Re: [" + reference
				+ "]\r\nMessage-ID: <" + MailFixtures.newMessageId() + ">\r\nIn-Reply-To: " + header(ack, "Message-ID")
				+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "GEGROND\r\nDe klacht is gegrond.\r\n";
		deliverRaw(BETA, forged);

		await().atMost(WAIT).until(() -> folder(BETA, "INBOX").isEmpty());
		JsonNode beta = export("beta");
		JsonNode decided = null;
		for (JsonNode c : beta) {
			if (reference.equals(c.get("reference").asString())) {
				decided = c;
			}
		}
		assertThat(decided).isNotNull();
		assertThat(decided.get("status").asString()).isEqualTo("in_behandeling");
		assertThat(decided.get("decision").isNull()).isTrue();
		for (JsonNode c : export("alpha")) {
			assertThat(c.get("reference").asString()).startsWith("AL-");
		}
	}

	@Test
	void shouldNameTheTenantsWhenACommandDoesNotSayWhichOne() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> export = new ArrayList<>(List.of("export", "--format", "json"));
		export.addAll(this.args);

		int exit = ComplaintsCli.execute(export.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip())
			.isEqualTo("complaints: there are 2 tenants: name one with --tenant (alpha, beta)");
		export.add("--tenant=gamma");
		err.getBuffer().setLength(0);
		assertThat(ComplaintsCli.execute(export.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true)))
			.isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo("complaints: no tenant gamma (the tenants: alpha, beta)");
		// scripts/complaints --tenant ID is run --tenant ID
		List<String> run = new ArrayList<>(List.of("--tenant", "gamma"));
		run.addAll(this.args);
		err.getBuffer().setLength(0);
		assertThat(ComplaintsCli.execute(run.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true)))
			.isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo("complaints: no tenant gamma (the tenants: alpha, beta)");
	}

	@Test
	void shouldReportHealthAndMetricsPerTenant() throws Exception {
		String complainant = MailFixtures.uniqueSender();
		deliver(ALPHA, complainant, "Klacht over de service", MailFixtures.newMessageId());
		await().atMost(WAIT).until(() -> inboxOf(greenMail, complainant).size() == 1);
		String port = this.host.getEnvironment().getProperty("local.management.port");

		JsonNode health = JsonMapper.builder().build().readTree(get(port, "/actuator/health"));
		for (String component : List.of("imap", "smtp", "register", "digest")) {
			assertThat(health.get("components").get(component).get("components").propertyNames()).as(component)
				.containsExactly("alpha", "beta");
		}
		String metrics = await().atMost(WAIT)
			.until(() -> get(port, "/actuator/prometheus"),
					(body) -> Pattern.compile("(?m)^complaints_cases_registered_total\\{tenant=\"alpha\"\\} [1-9]")
						.matcher(body)
						.find());
		assertThat(metrics).containsPattern("(?m)^complaints_cases_registered_total\\{tenant=\"beta\"\\}")
			.containsPattern("(?m)^jvm_memory_used_bytes\\{(?!.*tenant)");
	}

	/** The tenant's export: its own cases only, each naming the tenant. */
	private void assertExport(String tenant, String prefix, String own, String other) throws Exception {
		List<String> complainants = new ArrayList<>();
		for (JsonNode c : export(tenant)) {
			assertThat(c.get("tenant").asString()).isEqualTo(tenant);
			assertThat(c.get("reference").asString()).startsWith(prefix);
			complainants.add(c.get("complainant").get("email").asString());
		}
		assertThat(complainants).contains(own).doesNotContain(other);
	}

	private static List<MimeMessage> notices(String chair, String reference) {
		return folder(chair, MailFixtures.NOTICES).stream().filter((m) -> allText(m).contains(reference)).toList();
	}

	private JsonNode export(String tenant) throws Exception {
		Path out = Files.createTempFile(this.dir, "export-", ".json");
		Files.delete(out);
		List<String> export = new ArrayList<>(
				List.of("export", "--format", "json", "--tenant", tenant, "--out", out.toString()));
		export.addAll(this.args);
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(export.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
				new PrintWriter(err, true));
		assertThat(exit).as(err.toString()).isZero();
		return JsonMapper.builder().build().readTree(Files.readAllBytes(out));
	}

	/**
	 * A command on the test's configuration: {@code EXIT:} and its stdout, or its stderr
	 * when it failed.
	 */
	private String command(String... words) {
		List<String> line = new ArrayList<>(List.of(words));
		line.addAll(this.args);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ComplaintsCli.execute(line.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		return exit + ":" + (exit == 0 ? out : err).toString().strip();
	}

	private static String get(String port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void deliver(String chair, String from, String subject, String messageId) {
		deliverRaw(chair,
				MailFixtures.aComplaint(from, subject, "Ik ben niet tevreden over de " + subject + ".", messageId, null)
					.replace("To: " + MailFixtures.CHAIR, "To: " + chair));
	}

	private static void deliverRaw(String chair, String raw) {
		try {
			GreenMailUser user = greenMail.getUserManager().getUserByEmail(chair);
			user.deliver(MailFixtures.message(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<MimeMessage> folder(String chair, String name) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(chair);
		MailFolder folder = greenMail.getManagers().getImapHostManager().getFolder(user, name);
		return nl.klachten.MailFixtures.messagesOf(folder);
	}

}

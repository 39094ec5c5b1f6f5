package nl.klachten.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.klachten.Application;
import nl.klachten.Holds;
import nl.klachten.MailFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static nl.klachten.MailFixtures.aComplaint;
import static nl.klachten.MailFixtures.chairFolder;
import static nl.klachten.MailFixtures.deliver;
import static nl.klachten.MailFixtures.header;
import static nl.klachten.MailFixtures.inboxOf;
import static nl.klachten.MailFixtures.newMessageId;
import static nl.klachten.MailFixtures.subject;
import static nl.klachten.MailFixtures.uniqueSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fills up (issue 13, CONTRACT §4): the register and its data directory live
 * on a small tmpfs that a filler file fills to the last byte. A mail delivered then stays
 * in the inbox, nothing is half-written (no temporary raw file left, no case without its
 * raw, no outbox row without its case), it is not counted as the mail's failure, the
 * intake backs off ({@link IntakePause}), and once the filler is deleted it takes the
 * mail: one case, one acknowledgement. Needs root to mount the tmpfs; skipped otherwise.
 */
@SpringBootTest(classes = Application.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DiskFullIntegrationTests {

	@RegisterExtension
	static GreenMailExtension greenMail = MailFixtures.greenMail();

	private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

	private static Path mount;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IntakePause pause;

	@BeforeAll
	static void mountSmallDisk() throws Exception {
		assumeTrue("0".equals(run("id", "-u").strip()), "mounting a tmpfs needs root");
		Path dir = Files.createTempDirectory("register-small-disk-");
		run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", dir.toString());
		assumeTrue(run("findmnt", "-n", "-o", "FSTYPE", dir.toString()).contains("tmpfs"), "tmpfs mounted");
		mount = dir;
	}

	@AfterAll
	static void unmount() throws Exception {
		if (mount != null) {
			run("umount", "-l", mount.toString());
		}
	}

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		MailFixtures.properties(registry, greenMail, () -> mount);
	}

	@Test
	void shouldLeaveTheMailInTheInboxAndTakeItOnceSpaceReturns() throws Exception {
		String before = uniqueSender();
		deliver(greenMail, aComplaint(before, "Voor de volle schijf", "Deze klacht past nog.", newMessageId()));
		await().atMost(WAIT).until(() -> casesFrom(before) == 1);

		Path filler = mount.resolve("filler");
		fill(filler);
		String sender = uniqueSender();
		String messageId = newMessageId();
		deliver(greenMail, aComplaint(sender, "Klacht op een volle schijf", "De schijf is vol.", messageId));

		await().atMost(WAIT).until(() -> this.pause.faultsInRow() >= 2);
		assertThat(chairFolder(greenMail, "INBOX"))
			.anyMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID")));
		assertThat(count("SELECT count(*) FROM inbound_mail WHERE message_id = ?", messageId)).isZero();
		assertThat(count("SELECT count(*) FROM intake_failure WHERE dedupe_key LIKE ?", "%" + messageId + "%"))
			.as("counted as the mail's failure")
			.isZero();
		assertThat(casesFrom(sender)).isZero();
		assertNothingHalfWritten();

		Files.delete(filler);
		await().atMost(WAIT).until(() -> casesFrom(sender) == 1);
		await().atMost(WAIT).until(() -> inboxOf(greenMail, sender).size() == 1);
		await().atMost(WAIT)
			.until(() -> chairFolder(greenMail, "INBOX").stream()
				.noneMatch((m) -> ("<" + messageId + ">").equals(header(m, "Message-ID"))));
		await().atMost(WAIT).until(() -> this.pause.faultsInRow() == 0);
		Holds.during(Duration.ofSeconds(1), () -> {
			assertThat(casesFrom(sender)).isEqualTo(1);
			assertThat(inboxOf(greenMail, sender)).hasSize(1)
				.allSatisfy((ack) -> assertThat(subject(ack)).startsWith("Ontvangstbevestiging"));
		});
		assertNothingHalfWritten();
	}

	/**
	 * No temporary file left, every case has its raw mail on disk, every outbox row its
	 * case.
	 */
	private void assertNothingHalfWritten() throws IOException {
		try (Stream<Path> files = Files.walk(mount)) {
			assertThat(files.map((f) -> f.getFileName().toString())).noneMatch((name) -> name.startsWith("incoming-"));
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM complaint c WHERE NOT EXISTS "
					+ "(SELECT 1 FROM inbound_mail i WHERE i.complaint_id = c.id)")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM outbox o WHERE o.complaint_id IS NOT NULL AND NOT EXISTS "
					+ "(SELECT 1 FROM complaint c WHERE c.id = o.complaint_id)")
			.query(Integer.class)
			.single()).isZero();
		List<String> raws = this.jdbc.sql("SELECT raw_path FROM inbound_mail").query(String.class).list();
		assertThat(raws).isNotEmpty().allSatisfy((path) -> assertThat(mount.resolve(path)).isRegularFile());
	}

	/** Writes until the file system has not one byte left. */
	private static void fill(Path filler) {
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (true) {
				out.write(block);
				out.flush();
			}
		}
		catch (IOException full) {
			// the last block did not fit; fill what is left byte by byte
		}
		try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
			while (true) {
				out.write(0);
				out.flush();
			}
		}
		catch (IOException full) {
			// not one byte left
		}
	}

	private int casesFrom(String sender) {
		return count("SELECT count(*) FROM complaint WHERE complainant_email = ?", sender);
	}

	private int count(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return out;
	}

}

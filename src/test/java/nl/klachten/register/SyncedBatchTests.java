package nl.klachten.register;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the intake stores a batch's raw mails at once; each comes out as
 * {@link DataFiles#storeMail(byte[])} stores it alone (same name, hash, size, bytes,
 * owner-only), a mail twice in a batch or already stored is one file, and no temporary
 * file is left.
 */
class SyncedBatchTests {

	@TempDir
	Path batchRoot;

	@TempDir
	Path singleRoot;

	@Test
	void shouldStoreEachMailAsStoringItAloneDoes() throws Exception {
		List<byte[]> mails = Stream.of("Subject: a\r\n\r\neen", "Subject: b\r\n\r\ntwee", "Subject: a\r\n\r\neen", "")
			.map((text) -> text.getBytes(StandardCharsets.UTF_8))
			.toList();
		DataFiles batch = new DataFiles(this.batchRoot);
		DataFiles single = new DataFiles(this.singleRoot);
		batch.storeMail(mails.get(1));
		List<DataFiles.Stored> stored = batch.storeMails(mails);
		assertThat(stored).hasSize(4);
		for (int i = 0; i < mails.size(); i++) {
			DataFiles.Stored alone = single.storeMail(mails.get(i));
			assertThat(stored.get(i)).isEqualTo(alone);
			Path file = this.batchRoot.resolve(stored.get(i).path());
			assertThat(Files.readAllBytes(file)).isEqualTo(mails.get(i));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(stored.get(0)).isEqualTo(stored.get(2));
		try (Stream<Path> files = Files.walk(this.batchRoot)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(3)
				.noneMatch((p) -> p.getFileName().toString().endsWith(".tmp"));
		}
		assertThat(batch.storeMails(List.of())).isEmpty();
	}

}

package nl.klachten.register;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores the raw mails of one intake batch at once (issue 15), with the guarantees of
 * {@link DataFiles}: every file is written to a temporary name, forced to disk, renamed
 * into place, and its directory forced, before any of the batch's mails is registered.
 * Done file by file, that was two waits for the disk per mail; here all files are written
 * first, so the first force commits the file system's journal for all of them and the
 * others find little left to do.
 */
final class SyncedBatch {

	private SyncedBatch() {
	}

	static List<DataFiles.Stored> store(Path root, List<byte[]> contents) {
		Path dir = root.resolve("mail");
		List<Path> temps = new ArrayList<>();
		try {
			DataFiles.ensurePrivateDirectory(dir);
			List<String> hashes = new ArrayList<>();
			for (byte[] content : contents) {
				temps.add(Files.createTempFile(dir, "incoming-", ".tmp"));
				try (FileOutputStream file = new FileOutputStream(temps.get(temps.size() - 1).toFile())) {
					file.write(content);
				}
				hashes.add(HexFormat.of().formatHex(DataFiles.sha256().digest(content)));
			}
			// forced after all are written, each by a descriptor of its own: a batch of
			// any size (batch-size has no upper bound) holds one file open at a time
			for (Path temp : temps) {
				try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
			}
			List<DataFiles.Stored> stored = new ArrayList<>();
			Set<Path> shards = new LinkedHashSet<>();
			for (int i = 0; i < contents.size(); i++) {
				String hash = hashes.get(i);
				Path target = DataFiles.place(dir, temps.get(i), hash, ".eml");
				shards.add(target.getParent());
				stored.add(new DataFiles.Stored(root.relativize(target).toString(), hash, contents.get(i).length));
			}
			shards.forEach(DataFiles::syncDirectory);
			return stored;
		}
		catch (IOException ex) {
			throw new DataFiles.StorageFailure("Cannot store mail file", ex);
		}
		finally {
			for (Path temp : temps) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// a leftover temporary file is harmless: it is never a stored name
				}
			}
		}
	}

}

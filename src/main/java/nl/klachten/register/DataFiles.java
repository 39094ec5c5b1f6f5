package nl.klachten.register;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Raw mail and attachments on disk, content-addressed by SHA-256 under the data
 * directory: a name never comes from a mail, writing the same bytes twice is a no-op, and
 * a crash leaves at most an unreferenced file. A file is written to a temporary name,
 * forced to disk and then renamed, so a stored name always holds the whole content; a
 * write that fails (a full disk) removes its temporary file and throws
 * {@link StorageFailure}. Files and folders are readable by the service user only (R8).
 */
public class DataFiles {

	private final Path root;

	DataFiles(Path root) {
		this.root = root;
	}

	/** A stored file: its path relative to the data directory, its hash and size. */
	public record Stored(String path, String sha256, long size) {
	}

	public Stored storeMail(byte[] bytes) {
		return store("mail", ".eml", (out) -> out.write(bytes));
	}

	/**
	 * Mails stored as {@link #storeMail(byte[])} does, all at once ({@link SyncedBatch}).
	 */
	public List<Stored> storeMails(List<byte[]> contents) {
		return contents.isEmpty() ? List.of() : SyncedBatch.store(this.root, contents);
	}

	public Stored storeMail(Writer writer) {
		return store("mail", ".eml", writer);
	}

	public Stored storeAttachment(byte[] bytes) {
		return store("attachments", "", (out) -> out.write(bytes));
	}

	public InputStream open(String relativePath) throws IOException {
		return Files.newInputStream(this.root.resolve(relativePath));
	}

	public byte[] read(String relativePath) {
		try {
			return Files.readAllBytes(this.root.resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read stored file " + relativePath, ex);
		}
	}

	/**
	 * The data directory could not be written (a full disk, a read-only mount): a fault
	 * of the machine, never of the mail being stored.
	 */
	public static final class StorageFailure extends UncheckedIOException {

		StorageFailure(String message, IOException cause) {
			super(message, cause);
		}

	}

	/** Writes content to a stream. */
	@FunctionalInterface
	public interface Writer {

		void writeTo(OutputStream out) throws IOException;

	}

	private Stored store(String kind, String suffix, Writer writer) {
		try {
			Path dir = this.root.resolve(kind);
			ensurePrivateDirectory(dir);
			Path temp = Files.createTempFile(dir, "incoming-", ".tmp");
			try {
				MessageDigest digest = sha256();
				long size = writeSynced(temp, writer, digest);
				String hash = HexFormat.of().formatHex(digest.digest());
				Path target = place(dir, temp, hash, suffix);
				syncDirectory(target.getParent());
				return new Stored(this.root.relativize(target).toString(), hash, size);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new StorageFailure("Cannot store " + kind + " file", ex);
		}
	}

	/**
	 * Writes the content to {@code temp}, through {@code digest}, forced to disk; its
	 * size.
	 */
	private static long writeSynced(Path temp, Writer writer, MessageDigest digest) throws IOException {
		try (FileOutputStream file = new FileOutputStream(temp.toFile());
				CountingOutputStream counting = new CountingOutputStream(
						new DigestOutputStream(new BufferedOutputStream(file), digest))) {
			writer.writeTo(counting);
			counting.flush();
			file.getFD().sync();
			return counting.count();
		}
	}

	/**
	 * Moves a written and forced {@code temp} to its name under {@code dir}: the shard of
	 * the hash's first two digits, the hash and the suffix. The caller forces the shard's
	 * directory (the returned path's parent).
	 */
	static Path place(Path dir, Path temp, String hash, String suffix) throws IOException {
		Path shard = dir.resolve(hash.substring(0, 2));
		ensurePrivateDirectory(shard);
		Path target = shard.resolve(hash + suffix);
		if (Files.exists(target)) {
			Files.delete(temp);
			return target;
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			Files.deleteIfExists(temp);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
		restrictIfPresent(target);
		return target;
	}

	/** Forces a rename to disk too, where the platform allows opening a directory. */
	static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// not every file system syncs a directory; the file itself is on disk
		}
	}

	static void ensurePrivateDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir);
			try {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the platform's defaults apply
			}
		}
	}

	static void restrictIfPresent(Path file) {
		try {
			if (Files.exists(file)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// best effort: the directory is private already
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

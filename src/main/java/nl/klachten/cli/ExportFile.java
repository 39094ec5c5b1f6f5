package nl.klachten.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The file {@code export --out} writes. The export holds every complainant's data, so it
 * is created 0600 (not chmod-ed after writing, which leaves a moment in which others may
 * open it). It is written beside its place under a temporary name and moved there only
 * when the whole export is written ({@link #commit}): the export streams case by case,
 * and a failure halfway must not leave a file that looks like the register but lacks
 * cases, nor destroy the previous export of that name. Closed without a commit, the
 * temporary file is removed.
 */
final class ExportFile implements AutoCloseable {

	private final Path target;

	private final Path temporary;

	private final OutputStream out;

	private boolean committed;

	private ExportFile(Path target, Path temporary, OutputStream out) {
		this.target = target;
		this.temporary = temporary;
		this.out = out;
	}

	static ExportFile create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
		FileAttribute<?>[] ownerOnly = posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part", ownerOnly);
		OutputStream out = Channels
			.newOutputStream(Files.newByteChannel(temporary, Set.of(StandardOpenOption.WRITE), ownerOnly));
		return new ExportFile(absolute, temporary, out);
	}

	OutputStream stream() {
		return this.out;
	}

	/** The export is complete: it takes the file's name, replacing an earlier one. */
	void commit() throws IOException {
		this.out.close();
		Files.move(this.temporary, this.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.committed = true;
	}

	@Override
	public void close() throws IOException {
		if (!this.committed) {
			this.out.close();
			Files.deleteIfExists(this.temporary);
		}
	}

}

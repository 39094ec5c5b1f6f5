package nl.klachten.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import nl.klachten.register.CaseFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code export --format json|csv [--out FILE]}: the whole register (CONTRACT §1, §6).
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports every case as JSON or CSV.")
class ExportCommand implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

	enum Format {

		json, csv

	}

	@Option(names = "--format", required = true, description = "json or csv")
	Format format;

	@Option(names = "--out", description = "write to this file instead of stdout")
	Path out;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@Override
	public Integer call() throws IOException {
		try (ConfigurableApplicationContext context = ReadOnlyContext.open(this.springArgs)) {
			long start = System.nanoTime();
			RegisterExport export = new RegisterExport(context.getBean(CaseFiles.class).all());
			byte[] bytes = this.format == Format.json ? export.json() : export.csv();
			if (this.out == null) {
				OutputStream stdout = System.out;
				stdout.write(bytes);
				stdout.flush();
			}
			else {
				writeOwnerOnly(this.out, bytes);
			}
			log.info("Export of {} cases in {} ms", export.size(), (System.nanoTime() - start) / 1_000_000);
		}
		return 0;
	}

	/**
	 * The export holds every complainant's data, so the file is created 0600 (not
	 * chmod-ed after writing, which leaves a moment in which others may open it). An
	 * existing file keeps its mode.
	 */
	static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		boolean posix = file.toAbsolutePath()
			.getParent()
			.getFileSystem()
			.supportedFileAttributeViews()
			.contains("posix");
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
			channel.write(ByteBuffer.wrap(bytes));
		}
	}

}

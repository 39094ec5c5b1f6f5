package nl.klachten.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
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
import nl.klachten.register.RegisterSettings;
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

	private static final int BUFFER = 1 << 16;

	enum Format {

		json, csv

	}

	@Option(names = "--format", required = true, description = "json or csv")
	Format format;

	@Option(names = "--out", description = "write to this file instead of stdout")
	Path out;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@Override
	public Integer call() throws IOException {
		try (ConfigurableApplicationContext context = ReadOnlyContext.open(this.springArgs, this.tenant.id)) {
			CaseFiles files = context.getBean(CaseFiles.class);
			String tenant = context.getBean(RegisterSettings.class).tenant();
			long start = System.nanoTime();
			int cases;
			if (this.out == null) {
				// System.out stays open: the stream only buffers it
				OutputStream stdout = new BufferedOutputStream(System.out, BUFFER);
				cases = write(files, tenant, stdout);
				stdout.flush();
			}
			else {
				try (ExportFile file = ExportFile.create(this.out)) {
					OutputStream buffered = new BufferedOutputStream(file.stream(), BUFFER);
					cases = write(files, tenant, buffered);
					buffered.flush();
					file.commit();
				}
			}
			log.info("Export of {} cases in {} ms", cases, (System.nanoTime() - start) / 1_000_000);
		}
		return 0;
	}

	private int write(CaseFiles files, String tenant, OutputStream out) throws IOException {
		return this.format == Format.json ? RegisterExport.json(files, tenant, out)
				: RegisterExport.csv(files, tenant, out);
	}

}

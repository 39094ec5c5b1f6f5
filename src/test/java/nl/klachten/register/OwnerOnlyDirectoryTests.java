package nl.klachten.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The register and data directory are owner-only from the start (issue 9, R8). */
class OwnerOnlyDirectoryTests {

	@TempDir
	Path folder;

	@Test
	void shouldCreateDirectoryOwnerOnlyWhenItIsMissing() throws Exception {
		Path data = this.folder.resolve("a/data");
		OwnerOnlyDirectory.ensure(data);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void shouldMakeDirectoryOwnerOnlyWhenItExistsWorldReadable() throws Exception {
		Path data = Files.createDirectory(this.folder.resolve("data"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		OwnerOnlyDirectory.ensure(data);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void shouldRefuseWithOneLineWhenDirectoryCannotBeMade() throws Exception {
		Path file = Files.writeString(this.folder.resolve("not-a-directory"), "x");
		assertThatThrownBy(() -> OwnerOnlyDirectory.ensure(file.resolve("data")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("register directory")
			.hasMessageNotContaining("\n");
	}

	@Test
	void shouldCreateRegisterDirectoryOwnerOnlyWhenRegisterStarts() throws Exception {
		Path register = this.folder.resolve("fresh/register.db");
		new RegisterConfiguration()
			.dataFiles(new RegisterSettings(register.toString(), java.time.Duration.ofSeconds(30), null, null, null));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(register.getParent())))
			.isEqualTo("rwx------");
	}

}

package nl.klachten.register;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the register lives; raw mail and attachments are kept beside the SQLite file.
 *
 * @param path the SQLite file
 * @param busyTimeout how long a write waits for another writer's lock before it fails
 * with {@code SQLITE_BUSY}: the intake then backs off and tries the mail again later, the
 * sender backs off and retries the record, never the mail
 */
@Validated
@ConfigurationProperties("complaints.register")
public record RegisterSettings(@NotBlank String path, @DefaultValue("30s") @NotNull Duration busyTimeout) {

	public Path file() {
		return Path.of(this.path).toAbsolutePath();
	}

	public Path dataDirectory() {
		return file().getParent();
	}

}

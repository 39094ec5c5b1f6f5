package nl.klachten.register;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the register lives; raw mail and attachments are kept beside the SQLite file. */
@Validated
@ConfigurationProperties("complaints.register")
public record RegisterSettings(@NotBlank String path) {

	public Path file() {
		return Path.of(this.path).toAbsolutePath();
	}

	public Path dataDirectory() {
		return file().getParent();
	}

}

package nl.klachten.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the CLI writes from complainants' text (issue 9, CONTRACT §1, §6): CSV cells a
 * spreadsheet will not run, a {@code show} that sends no escape or bidi control to the
 * terminal, and an export file only its owner can read.
 */
class CliOutputSafetyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")", "+31 6|'+31 6",
			"-2+3|'-2+3", "@SUM(A1)|'@SUM(A1)", "Storing|Storing", "a=b|a=b", "''|''" })
	void shouldPrefixQuoteWhenCellStartsWithFormulaCharacter(String text, String expected) {
		assertThat(RegisterExport.cell(text)).isEqualTo(expected);
	}

	@Test
	void shouldNeutraliseCellsWhenExportingCsv() {
		String csv = new String(
				new RegisterExport(List.of(aFile("=cmd|' /C calc'!A0", "\tTab", "\rCr")), "default").csv(),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("'=cmd|").contains("'\tTab").contains("'\rCr").doesNotContain(",=cmd");
	}

	@Test
	void shouldStripEscapesAndBidiControlsWhenShowingACase() {
		String shown = TerminalText.safe(CaseFileText.of(aFile("Storing\u001b[2J\u001b]0;titel\u0007 glas\u202Evezel",
				"Naam\u0000\u0085\u009b", "tekst\u2066\u200F\u061C")));
		assertThat(shown).contains("Storing glasvezel").contains("Naam").contains("tekst");
		assertThat(shown.chars().filter((c) -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)))
			.isEmpty();
		assertThat(shown).doesNotContain("\u202E", "\u2066", "\u200F", "\u061C", "[2J", "titel");
	}

	@Test
	void shouldKeepLinesTabsAndTextWhenShowingPlainText() {
		assertThat(TerminalText.safe("a\tb\nc é € 😀")).isEqualTo("a\tb\nc é € 😀");
		assertThat(TerminalText.safe("a\u001b")).isEqualTo("a");
		assertThat(TerminalText.safe("a\u001b\nb")).isEqualTo("a\nb");
	}

	@Test
	void shouldCreateExportOwnerOnlyWhenWritingToAFile(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("export.csv");
		try (ExportFile export = ExportFile.create(file)) {
			export.stream().write("a,b\n".getBytes(StandardCharsets.UTF_8));
			assertThat(file).doesNotExist();
			export.commit();
		}
		assertThat(Files.readString(file)).isEqualTo("a,b\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var left = Files.list(folder)) {
			assertThat(left).containsExactly(file);
		}
	}

	@Test
	void shouldKeepThePreviousExportWhenAnExportFailsHalfway(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("export.json");
		Files.writeString(file, "[the previous export]");
		assertThatThrownBy(() -> {
			try (ExportFile export = ExportFile.create(file)) {
				export.stream().write("[{\"reference\":\"KK-2026-0001\"".getBytes(StandardCharsets.UTF_8));
				throw new java.io.IOException("register read failed halfway");
			}
		}).hasMessage("register read failed halfway");
		assertThat(Files.readString(file)).isEqualTo("[the previous export]");
		try (var left = Files.list(folder)) {
			assertThat(left).containsExactly(file);
		}
	}

	private static CaseFile aFile(String subject, String name, String description) {
		return new CaseFile("KK-2026-0007", "in_behandeling", name, "anna@example.org", "Dorpsstraat 1", "Huissen",
				null, subject, description, OffsetDateTime.parse("2026-01-05T10:00:00+01:00"), null, false, null, null,
				List.of(), LocalDate.parse("2026-01-19"), LocalDate.parse("2026-02-02"), List.of(), false, null, null,
				List.of(), List.of(), List.of(), false);
	}

}

package nl.klachten.commands;

import java.util.List;

/**
 * What {@link CommandParser} makes of a command mail: the command block and the text
 * after it, or a refusal of the whole mail naming the line and the reason. Both override
 * {@code toString} because they hold mail content (STYLE §11).
 */
public sealed interface ParsedCommands {

	/**
	 * The command block in order, and the text after it, stripped, line breaks kept (""
	 * when none).
	 */
	record Commands(List<CommandLine> commands, String text) implements ParsedCommands {

		public Commands {
			commands = List.copyOf(commands);
		}

		@Override
		public String toString() {
			return "Commands[" + this.commands.size() + " commands, " + this.text.length() + " chars of text]";
		}

	}

	/**
	 * The mail is refused: {@code number} is the 1-based line number in the new text (0
	 * when the mail has no non-empty line), {@code line} the line as written,
	 * {@code reason} one Dutch sentence for the chair.
	 */
	record Refusal(int number, String line, String reason) implements ParsedCommands {

		@Override
		public String toString() {
			return "Refusal[number=" + this.number + "]";
		}

	}

}

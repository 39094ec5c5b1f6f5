package nl.klachten.commands;

/**
 * One line of the command block: its 1-based number in the new text, the line as written
 * (stripped), and what it means.
 */
public record CommandLine(int number, String line, Keyword keyword, ChairCommand command) {

	@Override
	public String toString() {
		return "CommandLine[number=" + this.number + ", keyword=" + this.keyword + "]";
	}

}

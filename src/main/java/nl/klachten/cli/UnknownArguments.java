package nl.klachten.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Names the first argument a command does not know, before picocli parses. Every command
 * lets Spring settings pass ({@code --complaints.register.path=…}), so picocli keeps
 * unmatched arguments for Spring, and a misspelt option used to vanish there:
 * {@code export --fromat json} answered "Missing required option". Only the Spring
 * prefixes below pass now; any other unknown option is named, with the nearest known one:
 * {@code unknown option --fromat (did you mean --format?)}.
 */
final class UnknownArguments {

	/** The settings that pass to Spring; anything else unknown is a usage error. */
	static final List<String> SPRING_PREFIXES = List.of("--complaints.", "--spring.", "--logging.", "--management.",
			"--server.");

	private UnknownArguments() {
	}

	static boolean isSpring(String arg) {
		return SPRING_PREFIXES.stream().anyMatch(arg::startsWith);
	}

	/**
	 * The problem with the arguments of {@code root}'s command line, in one line; empty
	 * when there is none.
	 */
	static Optional<String> check(CommandLine root, String[] args) {
		boolean sub = args.length > 0 && root.getSubcommands().containsKey(args[0]);
		CommandLine command = sub ? root.getSubcommands().get(args[0]) : root;
		CommandSpec spec = command.getCommandSpec();
		long positionals = 0;
		long allowed = spec.positionalParameters().stream().mapToLong((p) -> p.arity().max()).sum();
		for (int i = sub ? 1 : 0; i < args.length; i++) {
			String arg = args[i];
			if (isSpring(arg)) {
				continue;
			}
			if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				OptionSpec option = spec.findOption(name);
				if (option == null || !List.of(option.names()).contains(name)) {
					return Optional.of("unknown option " + name + suggestion(name, spec));
				}
				i += (!arg.contains("=") && option.arity().min() > 0) ? 1 : 0;
			}
			else if (++positionals > allowed) {
				return Optional.of(unexpected(arg, command, root));
			}
		}
		return Optional.empty();
	}

	private static String unexpected(String arg, CommandLine command, CommandLine root) {
		return (command == root) ? "unknown command " + arg + commandSuggestion(arg, root)
				: "unexpected argument " + arg + " (see complaints " + command.getCommandSpec().name() + " --help)";
	}

	private static String suggestion(String name, CommandSpec spec) {
		List<String> known = new ArrayList<>();
		spec.options().forEach((option) -> known.addAll(List.of(option.names())));
		Optional<String> near = nearest(name, known);
		if (near.isPresent()) {
			return " (did you mean " + near.get() + "?)";
		}
		int dot = name.indexOf('.');
		if (dot > 0) {
			Optional<String> prefix = nearest(name.substring(0, dot + 1), SPRING_PREFIXES);
			if (prefix.isPresent()) {
				return " (did you mean " + prefix.get() + name.substring(dot + 1) + "?)";
			}
		}
		return "";
	}

	private static String commandSuggestion(String arg, CommandLine root) {
		return nearest(arg, List.copyOf(root.getSubcommands().keySet())).map((near) -> " (did you mean " + near + "?)")
			.orElse("");
	}

	/**
	 * The known word nearest to {@code word}, when it is a slip of at most two keys (and
	 * not a third of the word).
	 */
	static Optional<String> nearest(String word, List<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(word, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		boolean close = bestDistance <= 2 && bestDistance * 3 <= word.length();
		return close ? Optional.of(best) : Optional.empty();
	}

	/**
	 * Edits (insert, delete, replace, swap two neighbours) from a to b: {@code --fromat}
	 * is one from {@code --format}.
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}

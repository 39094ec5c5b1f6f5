package nl.klachten.cli;

import java.util.List;

import nl.klachten.register.RegisterSettings;
import picocli.CommandLine.Option;

/**
 * {@code --tenant ID} on every command (CONTRACT §7): the tenant the command works on,
 * needed only when several are configured ({@link #choose}).
 */
final class TenantOption {

	@Option(names = "--tenant", paramLabel = "ID",
			description = "the tenant (complaints.tenants[N].id); needed when several are configured")
	String id;

	/**
	 * The tenant a command works on: {@code chosen} (from {@code --tenant}), else the
	 * only one. Without {@code complaints.tenants} that is {@code default}.
	 * @throws TenantChoice when {@code chosen} is none of them, or when there are several
	 * and none is chosen: the message names the choices
	 */
	static String choose(List<String> ids, String chosen) {
		List<String> choices = ids.isEmpty() ? List.of(RegisterSettings.DEFAULT_TENANT) : ids;
		if (chosen == null) {
			if (choices.size() > 1) {
				throw new TenantChoice("there are " + choices.size() + " tenants: name one with --tenant ("
						+ String.join(", ", choices) + ")");
			}
			return choices.get(0);
		}
		if (!choices.contains(chosen)) {
			throw new TenantChoice("no tenant " + chosen + " (the tenants: " + String.join(", ", choices) + ")");
		}
		return chosen;
	}

	/** A {@code --tenant} that names no tenant, or none where several are configured. */
	static final class TenantChoice extends IllegalArgumentException {

		TenantChoice(String message) {
			super(message);
		}

	}

}

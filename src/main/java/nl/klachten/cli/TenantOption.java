package nl.klachten.cli;

import picocli.CommandLine.Option;

/**
 * {@code --tenant ID} on every command (CONTRACT §7): the tenant the command works on,
 * needed only when several are configured ({@link Tenants#choose}).
 */
final class TenantOption {

	@Option(names = "--tenant", paramLabel = "ID",
			description = "the tenant (complaints.tenants[N].id); needed when several are configured")
	String id;

}

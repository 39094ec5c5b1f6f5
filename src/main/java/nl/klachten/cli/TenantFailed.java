package nl.klachten.cli;

/**
 * A tenant that did not start ({@link TenantHost}): its problem, named with the tenant.
 */
final class TenantFailed extends IllegalStateException {

	private final String tenant;

	TenantFailed(String tenant, RuntimeException cause) {
		super("tenant " + tenant + ": " + ComplaintsCli.oneLine(cause), cause);
		this.tenant = tenant;
	}

	String tenant() {
		return this.tenant;
	}

}

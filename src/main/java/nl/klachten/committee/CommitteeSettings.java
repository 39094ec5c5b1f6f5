package nl.klachten.committee;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who is who (R1, R4, R5): the chair, the members, management, the appeals committee, and
 * the provider's own mail domains. A missing chair stops start-up. An address is
 * someone's only when it is a strict {@link EmailAddress} equal to theirs, case folded in
 * ASCII only (CONTRACT §5): a look-alike, a list or an encoded-word never matches.
 */
@Validated
@ConfigurationProperties("complaints.committee")
public record CommitteeSettings(@NotBlank String provider, List<String> ownDomains, @Valid @NotNull Person chair,
		@Valid List<Person> members, @Valid List<Person> management, @Valid @NotNull Person appeals) {

	public CommitteeSettings {
		ownDomains = ownDomains == null ? List.of() : ownDomains.stream().map(CommitteeSettings::lower).toList();
		members = members == null ? List.of() : List.copyOf(members);
		management = management == null ? List.of() : List.copyOf(management);
	}

	/**
	 * A person the regulation names; email may be empty where the regulation gives only a
	 * postal address.
	 */
	public record Person(@NotBlank String name, String email, String title, String postalAddress) {
	}

	public boolean isCommittee(String address) {
		return matches(Stream.concat(Stream.of(this.chair), this.members.stream()), address);
	}

	public boolean isManagement(String address) {
		return matches(this.management.stream(), address);
	}

	public boolean isAppeals(String address) {
		return matches(Stream.of(this.appeals), address);
	}

	/**
	 * Committee, management or appeals: trusted to join any case and never rate-limited.
	 */
	public boolean isOfficial(String address) {
		return isCommittee(address) || isManagement(address) || isAppeals(address);
	}

	public boolean isOwnDomain(String address) {
		return EmailAddress.parse(address).map(EmailAddress::domain).filter(this.ownDomains::contains).isPresent();
	}

	private static boolean matches(Stream<Person> people, String address) {
		return EmailAddress.parse(address)
			.map(EmailAddress::value)
			.filter((strict) -> people.anyMatch((p) -> p.email() != null && lower(p.email()).equals(strict)))
			.isPresent();
	}

	private static String lower(String value) {
		return value == null ? "" : EmailAddress.fold(value.strip());
	}

}

package nl.klachten.intake;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The shape a mail may have before it is parsed at all (issue 9): nesting of multiparts
 * and embedded messages, number of body parts, header fields per header block, the length
 * of one header field (folded lines included) and of one line, and the content bytes of
 * all leaf parts together. {@link LimitScan} checks them in one streaming pass; a mail
 * over any of them is quarantined at once as {@code limit:<name>}. The defaults are far
 * above any real mail (the corpus peaks at depth 4, 17 header fields and 500-byte lines)
 * and far below what makes the parser recurse out of stack or memory.
 *
 * <p>
 * {@code decodedSize} is checked on the encoded content, an upper bound: base64 and
 * quoted-printable never grow when decoded, and nothing is decompressed.
 */
@Validated
@ConfigurationProperties("complaints.intake.limits")
public record MailLimits(@DefaultValue("50") @Min(1) int mimeDepth, @DefaultValue("1000") @Min(1) int parts,
		@DefaultValue("1000") @Min(1) int headerCount, @DefaultValue("64KB") @NotNull DataSize headerLength,
		@DefaultValue("1MB") @NotNull DataSize lineLength, @DefaultValue("64MB") @NotNull DataSize decodedSize) {

	/** The defaults above, for a parser made outside Spring. */
	public static MailLimits defaults() {
		return new MailLimits(50, 1000, 1000, DataSize.ofKilobytes(64), DataSize.ofMegabytes(1),
				DataSize.ofMegabytes(64));
	}

}

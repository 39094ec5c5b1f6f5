package nl.klachten.commands;

import java.time.LocalDate;

/**
 * What {@code OVERZICHT} needs of the digest: send it now. An interface here, implemented
 * by the digest, so that commands do not depend on the digest (which reads the command
 * table).
 */
public interface DigestRequests {

	LocalDate today();

	/** Queues the digest as of that day; returns its Message-ID. */
	String sendNow(LocalDate day);

}

package nl.klachten.intake;

import java.util.List;
import java.util.Optional;

import nl.klachten.register.InboundLog;
import nl.klachten.register.InboundRecord;
import nl.klachten.register.InboundRecord.Outcome;

import org.springframework.stereotype.Component;

/**
 * "The same mail" (CONTRACT §4): the same Message-ID from the same sender with the same
 * content ({@link ContentDigest}). Read again, a mail is only filed; a different mail
 * that reuses a Message-ID read before is taken under a key of its own,
 * {@code mid:<id>#<digest>}.
 */
@Component
class Dedupe {

	private final InboundLog inbound;

	Dedupe(InboundLog inbound) {
		this.inbound = inbound;
	}

	/**
	 * What a parsed mail is to the register: the same mail as one read before
	 * ({@code known}: its outcome), or a mail to take under {@code key}, {@code reused}
	 * when another mail was read under its Message-ID.
	 */
	record Identity(Outcome known, String key, boolean reused) {
	}

	/**
	 * Same means the same content digest, or a row read before digests were kept (it
	 * matches any mail with its Message-ID, so a re-read right after the upgrade still
	 * dedupes). A mail without a Message-ID is keyed by its digest; the raw hash it was
	 * keyed by before is looked up too.
	 */
	Identity identify(InboundMail mail, String rawKey, String digest) {
		if (mail.messageId() == null) {
			String key = "sha:" + digest;
			Optional<Outcome> known = this.inbound.outcomeOf(rawKey).or(() -> this.inbound.outcomeOf(key));
			return new Identity(known.orElse(null), key, false);
		}
		List<InboundRecord.Seen> seen = this.inbound.withMessageId(mail.id());
		for (InboundRecord.Seen earlier : seen) {
			if (earlier.contentDigest() == null || earlier.contentDigest().equals(digest)) {
				return new Identity(earlier.outcome(), earlier.dedupeKey(), false);
			}
		}
		String key = "mid:" + mail.messageId();
		return seen.isEmpty() ? new Identity(null, key, false) : new Identity(null, reusedKey(mail, digest), true);
	}

	/** The key of a mail that reuses a Message-ID read before. */
	static String reusedKey(InboundMail mail, String digest) {
		return "mid:" + mail.messageId() + "#" + digest;
	}

	/** Whether the mail was taken under the key of a mail that reuses a Message-ID. */
	static boolean reused(MailEntry entry) {
		return entry.mail() != null && entry.digest() != null
				&& entry.key().equals(reusedKey(entry.mail(), entry.digest()));
	}

}

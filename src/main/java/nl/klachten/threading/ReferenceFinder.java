package nl.klachten.threading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klachten.register.ReferenceNumber;

/**
 * Finds reference numbers ({@code KK-2026-0007}) anywhere in a text, with or without
 * brackets and whatever reply or forward prefixes stand before them. Only the configured
 * prefix counts.
 */
public final class ReferenceFinder {

	private final Pattern pattern;

	public ReferenceFinder(String prefix) {
		this.pattern = Pattern.compile("(?<![A-Za-z0-9])(" + Pattern.quote(prefix) + "-\\d{4}-\\d{4,9})(?![0-9])",
				Pattern.CASE_INSENSITIVE);
	}

	public List<ReferenceNumber> find(String text) {
		List<ReferenceNumber> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		Matcher matcher = this.pattern.matcher(text);
		while (matcher.find()) {
			ReferenceNumber.parse(matcher.group(1)).filter((r) -> !found.contains(r)).ifPresent(found::add);
		}
		return found;
	}

}

package nl.klachten.threading;

import nl.klachten.register.RegisteredComplaint;

/**
 * Where a mail belongs (CONTRACT §4): on a case its sender may join, a reference to a
 * case its sender may not join (a stranger: registered as a new complaint, the chair told
 * of the link), or no case at all.
 */
public sealed interface MailThread {

	record Joined(RegisteredComplaint complaint, Party party) implements MailThread {
	}

	record Foreign(RegisteredComplaint referenced) implements MailThread {
	}

	record None() implements MailThread {
	}

}

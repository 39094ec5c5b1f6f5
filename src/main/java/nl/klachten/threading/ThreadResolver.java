package nl.klachten.threading;

/**
 * Which case a mail belongs to (CONTRACT §4). Behind an interface, as James's thread
 * guessing.
 */
public interface ThreadResolver {

	MailThread resolve(ThreadClues mail);

}

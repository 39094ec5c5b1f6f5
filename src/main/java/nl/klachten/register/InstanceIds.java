package nl.klachten.register;

import java.util.UUID;

/**
 * A process's id: its process id and a random part, new at every start, so that a
 * restarted process never passes for the one that stopped.
 */
final class InstanceIds {

	private InstanceIds() {
	}

	static String next() {
		return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}

package nl.klachten.register;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one process on a SQLite register (issue 16): it always leads, and a lease taken by
 * anyone else was taken by a process that has stopped, so at start it releases what the
 * previous process left and never its own.
 */
class SingleInstanceTests {

	@Test
	void shouldLeadAndCountEveryOtherOwnerAsStopped() {
		Instances single = Instances.single();
		Instances next = Instances.single();
		assertThat(single.leads()).isTrue();
		assertThat(single.tick()).isTrue();
		assertThat(single.id()).isNotEqualTo(next.id()).startsWith(ProcessHandle.current().pid() + "-");
		assertThat(single.stopped(single.id())).isFalse();
		assertThat(single.stopped(next.id())).isTrue();
		assertThat(single.stopped(null)).isTrue();
	}

}

package nl.klachten.register;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are the register's machine and not the mail's (issue 13): a busy lock, a
 * full disk, an I/O error or a read-only file system stop the intake without counting a
 * try; anything else (a constraint, a bug, a hostile mail) stays the mail's failure,
 * counted and finally quarantined, so a poison mail can never pass for a full disk and
 * block the inbox. A PostgreSQL register's machine is told by SQLSTATE (issue 16): the
 * connection, the server's resources, a lock timeout, a shutdown, a deadlock.
 */
class RegisterFaultsTests {

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("busy at BEGIN",
						new CannotCreateTransactionException("begin", sqlite(SQLiteErrorCode.SQLITE_BUSY)), true),
				Arguments.of("busy on a statement", translated(SQLiteErrorCode.SQLITE_BUSY), true),
				Arguments.of("disk full", translated(SQLiteErrorCode.SQLITE_FULL), true),
				Arguments.of("write error (extended code)", translated(SQLiteErrorCode.SQLITE_IOERR_WRITE), true),
				Arguments.of("read-only file system", translated(SQLiteErrorCode.SQLITE_READONLY), true),
				Arguments.of("raw file not written",
						new DataFiles.StorageFailure("full", new IOException("No space left on device")), true),
				Arguments.of("busy hidden behind a failed rollback",
						rollbackFailedAfter(translated(SQLiteErrorCode.SQLITE_BUSY)), true),
				Arguments.of("a constraint",
						new DataIntegrityViolationException("unique", sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)),
						false),
				Arguments.of("an SQL error", translated(SQLiteErrorCode.SQLITE_ERROR), false),
				Arguments.of("the mail's own failure", new IllegalStateException("provoked"), false),
				Arguments.of("an I/O error not from the data files",
						new java.io.UncheckedIOException(new IOException("x")), false),
				Arguments.of("a failed rollback after the mail's failure",
						rollbackFailedAfter(new IllegalStateException("x")), false),
				Arguments.of("PostgreSQL: connection refused", postgres(PSQLState.CONNECTION_UNABLE_TO_CONNECT), true),
				Arguments.of("PostgreSQL: connection lost at BEGIN",
						new CannotCreateTransactionException("begin", postgres(PSQLState.CONNECTION_FAILURE)), true),
				Arguments.of("PostgreSQL: lock not had in the busy timeout", postgres("55P03"), true),
				Arguments.of("PostgreSQL: disk full", postgres("53100"), true),
				Arguments.of("PostgreSQL: too many connections", postgres("53300"), true),
				Arguments.of("PostgreSQL: server shutting down", postgres("57P01"), true),
				Arguments.of("PostgreSQL: I/O error", postgres("58030"), true),
				Arguments.of("PostgreSQL: deadlock", postgres("40P01"), true),
				Arguments.of("PostgreSQL: serialization failure", postgres("40001"), true),
				Arguments.of("PostgreSQL: a standby that only reads", postgres("25006"), true),
				Arguments.of("PostgreSQL: a transaction ended idle", postgres("25P03"), true),
				Arguments.of("PostgreSQL: a unique constraint", postgres(PSQLState.UNIQUE_VIOLATION), false),
				Arguments.of("PostgreSQL: bad SQL", postgres(PSQLState.SYNTAX_ERROR), false),
				Arguments.of("PostgreSQL: a value too long", postgres("22001"), false),
				Arguments.of("PostgreSQL: a statement cancelled by its timeout", postgres("57014"), false),
				Arguments.of("an SQL exception without a state",
						new UncategorizedSQLException("statement", "INSERT", new java.sql.SQLException("no state")),
						false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void shouldTellTheMachineFromTheMail(String what, Throwable failure, boolean machine) {
		assertThat(RegisterFaults.isMachine(failure)).isEqualTo(machine);
	}

	private static SQLiteException sqlite(SQLiteErrorCode code) {
		return new SQLiteException("[" + code.name() + "]", code);
	}

	private static UncategorizedSQLException postgres(PSQLState state) {
		return postgres(state.getState());
	}

	private static UncategorizedSQLException postgres(String state) {
		return new UncategorizedSQLException("statement", "INSERT", new PSQLException("provoked", null) {
			@Override
			public String getSQLState() {
				return state;
			}
		});
	}

	private static UncategorizedSQLException translated(SQLiteErrorCode code) {
		return new UncategorizedSQLException("statement", "INSERT", sqlite(code));
	}

	private static TransactionSystemException rollbackFailedAfter(Throwable failure) {
		TransactionSystemException system = new TransactionSystemException("rollback failed");
		system.initApplicationException(failure);
		return system;
	}

}

package nl.klachten.register;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a fault of the register's machine from a fault of the mail being written: another
 * writer holding SQLite's lock past the busy timeout, a full disk, a read-only or failing
 * file system. Such a fault is no mail's failure: blaming the mail would count its tries
 * and finally quarantine a good mail because the disk was full. The caller stops, leaves
 * the mail where it is and tries it again later.
 */
public final class RegisterFaults {

	private static final Set<SQLiteErrorCode> MACHINE = EnumSet.of(SQLiteErrorCode.SQLITE_BUSY,
			SQLiteErrorCode.SQLITE_LOCKED, SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_IOERR,
			SQLiteErrorCode.SQLITE_CANTOPEN, SQLiteErrorCode.SQLITE_READONLY, SQLiteErrorCode.SQLITE_NOMEM,
			SQLiteErrorCode.SQLITE_PROTOCOL);

	private RegisterFaults() {
	}

	/**
	 * True when this failure, or one of its causes, is the register's machine and not the
	 * work done.
	 */
	public static boolean isMachine(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataFiles.StorageFailure || t instanceof CannotCreateTransactionException
					|| t instanceof PessimisticLockingFailureException) {
				return true;
			}
			if (t instanceof SQLiteException sqlite && MACHINE.contains(base(sqlite.getResultCode()))) {
				return true;
			}
			if (!(t instanceof SQLiteException) && t instanceof SQLException sql && isMachineState(sql.getSQLState())) {
				return true;
			}
			if (t instanceof TransactionSystemException system && system.getApplicationException() != null
					&& isMachine(system.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A PostgreSQL register's machine (issue 16), by SQLSTATE: the connection (08), the
	 * server's resources (53: disk full, out of memory, too many connections), a lock not
	 * had within the busy timeout (55P03), the server shutting down (57P), its system
	 * (58), a transaction the server rolled back against another (40001, 40P01), a server
	 * that only reads (25006: a standby after a fail-over, like {@code SQLITE_READONLY})
	 * and a transaction the server ended while it waited on us (25P03). A statement
	 * cancelled by its timeout (57014) stays the mail's: a mail whose work is too heavy
	 * must end in quarantine, not hold up the inbox.
	 */
	static boolean isMachineState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("55P03")
				|| state.startsWith("57P") || state.startsWith("58") || state.equals("40001") || state.equals("40P01")
				|| state.equals("25006") || state.equals("25P03"));
	}

	/**
	 * The primary code of an extended one ({@code SQLITE_IOERR_WRITE} is an
	 * {@code SQLITE_IOERR}).
	 */
	private static SQLiteErrorCode base(SQLiteErrorCode code) {
		return code == null ? SQLiteErrorCode.UNKNOWN_ERROR : SQLiteErrorCode.getErrorCode(code.code & 0xff);
	}

}

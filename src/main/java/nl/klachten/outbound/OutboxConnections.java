package nl.klachten.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import nl.klachten.mailbox.NoticeFolder;
import nl.klachten.mailbox.SmtpTransport;
import nl.klachten.register.QueuedMail;

import org.springframework.context.SmartLifecycle;

/**
 * The outbox's lanes (issue 15, {@code complaints.outbox.connections}): K SMTP
 * connections kept open between batches and used at once, and the notices folder's
 * connection beside them, with a thread each (the notices' tasks one after another). One
 * connection sends one mail at a time, and the SMTP round trips, not our work, bound the
 * rate; K connections send K at once. The mails of one case always take the same lane
 * ({@link #lane}), so they go in queue order. Stops after the pollers (a low phase):
 * waits for the batch going, then closes every connection; from then on a batch runs on
 * the caller's thread and closes its connections after itself.
 */
final class OutboxConnections implements SmartLifecycle {

	/** Stops after the pollers (which stop in a higher phase) and before the register. */
	private static final int PHASE = -1000;

	private final List<SmtpLane> smtp = new ArrayList<>();

	private final NoticeLane notices;

	private volatile ExecutorService threads;

	private volatile ExecutorService noticeThread;

	OutboxConnections(int connections, SmtpTransport transport, NoticeFolder folder) {
		for (int i = 0; i < connections; i++) {
			this.smtp.add(new SmtpLane(transport, System::nanoTime));
		}
		this.notices = new NoticeLane(folder, System::nanoTime);
	}

	int count() {
		return this.smtp.size();
	}

	SmtpLane smtp(int lane) {
		return this.smtp.get(lane);
	}

	NoticeLane notices() {
		return this.notices;
	}

	/**
	 * The lane of a mail: by its case, so one case's mails keep their order; mail of no
	 * case goes on lane 0.
	 */
	int lane(QueuedMail mail) {
		return mail.complaintId() == null ? 0 : (int) Math.floorMod(mail.complaintId(), (long) this.smtp.size());
	}

	/** Starts a task on a lane's thread (or runs it here when the lanes are stopped). */
	<T> Future<T> submit(Callable<T> task) {
		ExecutorService executor = this.threads;
		if (executor != null) {
			try {
				return executor.submit(task);
			}
			catch (RejectedExecutionException ex) {
				// stopping: run it here
			}
		}
		FutureTask<T> inline = new FutureTask<>(task);
		inline.run();
		return inline;
	}

	/**
	 * The task's result once it is done. Waits even when interrupted (a poller being
	 * stopped): a lane's outcomes are recorded before the batch ends. A task's runtime
	 * failure is thrown here.
	 */
	static <T> T join(Future<T> future) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return future.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Runs the task on the notices lane's one thread, after the ones handed before (or
	 * here when the lanes are stopped).
	 */
	void placeNotices(Runnable task) {
		ExecutorService executor = this.noticeThread;
		if (executor != null) {
			try {
				executor.execute(task);
				return;
			}
			catch (RejectedExecutionException ex) {
				// stopping: run it here
			}
		}
		task.run();
	}

	/** From the poller between batches. */
	void closeIdle() {
		this.smtp.forEach(SmtpLane::closeIfIdle);
		this.notices.closeIfIdle();
	}

	@Override
	public void start() {
		AtomicInteger number = new AtomicInteger();
		this.smtp.forEach(SmtpLane::start);
		this.notices.start();
		this.threads = Executors.newFixedThreadPool(this.smtp.size(),
				(task) -> thread(task, "outbox-lane-" + number.incrementAndGet()));
		this.noticeThread = Executors.newSingleThreadExecutor((task) -> thread(task, "outbox-notices"));
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		ExecutorService lanes = this.threads;
		ExecutorService notices = this.noticeThread;
		this.threads = null;
		this.noticeThread = null;
		finish(lanes);
		finish(notices);
		this.smtp.forEach(SmtpLane::stop);
		this.notices.stop();
	}

	/** Lets the tasks handed over finish (a batch's records), for a while. */
	private static void finish(ExecutorService executor) {
		if (executor == null) {
			return;
		}
		executor.shutdown();
		try {
			executor.awaitTermination(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.threads != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}

package nl.klachten.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import nl.klachten.committee.TermsSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads whole case files for the export, {@code show} and later the chair's STATUS. Each
 * read loads its cases with one query per table ({@link CaseFileRows}); the whole
 * register goes a page of cases at a time, so the export of 100,000 cases holds one page
 * in memory, not the register.
 */
@Repository
public class CaseFiles {

	/**
	 * Cases a page: large enough that the queries per page cost little, small enough to
	 * hold.
	 */
	static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final CaseFileRows rows;

	CaseFiles(JdbcClient jdbc, TermsSettings terms) {
		this.jdbc = jdbc;
		this.rows = new CaseFileRows(jdbc, terms.zone());
	}

	public List<CaseFile> all() {
		List<CaseFile> all = new ArrayList<>();
		forEach(all::add);
		return all;
	}

	/**
	 * Hands every case to {@code each} in id order, a page at a time.
	 * @return how many cases there were
	 */
	public int forEach(Consumer<CaseFile> each) {
		int[] count = new int[1];
		forEachPage((page) -> {
			page.forEach(each);
			count[0] += page.size();
		});
		return count[0];
	}

	/**
	 * As {@link #forEach}, with the next pages read on another thread while {@code each}
	 * handles this one ({@link ReadAhead}): for the export, whose writing is as much work
	 * as its reading (issue 15). {@code each} runs on the calling thread.
	 * @return how many cases there were
	 */
	public int forEachReadAhead(Consumer<CaseFile> each) {
		return ReadAhead.forEach(this::forEachPage, each);
	}

	/** Hands every page of cases to {@code each} in id order. */
	private void forEachPage(Consumer<List<CaseFile>> each) {
		long after = Long.MIN_VALUE;
		while (true) {
			List<Long> ends = this.jdbc
				.sql("SELECT max(id) FROM (SELECT id FROM complaint WHERE id > ? ORDER BY id LIMIT ?) AS page")
				.params(after, PAGE)
				.query(Long.class)
				.list();
			Long last = ends.isEmpty() ? null : ends.get(0);
			if (last == null) {
				return;
			}
			each.accept(this.rows.load("id > ? AND id <= ?", "complaint_id > ? AND complaint_id <= ?",
					List.of(after, last)));
			after = last;
		}
	}

	/** How many cases the register holds, purged ones included. */
	public int count() {
		return this.jdbc.sql("SELECT count(*) FROM complaint").query(Integer.class).single();
	}

	public Optional<CaseFile> find(ReferenceNumber reference) {
		return this.rows
			.load("reference = ?", "complaint_id IN (SELECT id FROM complaint WHERE reference = ?)",
					List.of(reference.toString()))
			.stream()
			.findFirst();
	}

	/** Every case filed from this address (R21). */
	public List<CaseFile> filedBy(String email) {
		return this.rows.load("lower(complainant_email) = lower(?)",
				"complaint_id IN (SELECT id FROM complaint WHERE lower(complainant_email) = lower(?))", List.of(email));
	}

}

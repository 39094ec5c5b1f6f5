package nl.klachten.appeals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import nl.klachten.committee.CommitteeSettings;
import nl.klachten.committee.TermsSettings;
import nl.klachten.register.CaseFile;
import nl.klachten.register.CaseFiles;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * What every appeal letter starts from, whether it files, decides or extends the appeal:
 * the case file as it is now, the complainant and the appeals committee for the template,
 * and the current time in the regulation's zone.
 */
@Component
class AppealCase {

	private final CaseFiles caseFiles;

	private final CommitteeSettings committee;

	private final TermsSettings terms;

	private final Clock clock;

	AppealCase(CaseFiles caseFiles, CommitteeSettings committee, TermsSettings terms, Clock clock) {
		this.caseFiles = caseFiles;
		this.committee = committee;
		this.terms = terms;
		this.clock = clock;
	}

	CaseFile file(RegisteredComplaint complaint) {
		return this.caseFiles.find(complaint.reference()).orElseThrow();
	}

	Map<String, Object> model(CaseFile file) {
		Map<String, Object> model = new HashMap<>();
		CommitteeSettings.Person appeals = this.committee.appeals();
		model.put("complainantName", file.complainantName() == null ? "" : file.complainantName());
		model.put("complainantEmail", file.complainantEmail());
		model.put("subject", file.subject());
		model.put("appealsName", appeals.name());
		model.put("appealsTitle", appeals.title() == null ? "" : appeals.title());
		model.put("appealsAddress", appeals.postalAddress() == null ? "" : appeals.postalAddress());
		model.put("appealsEmail", appeals.email() == null ? "" : appeals.email());
		model.put("appealWeeks", this.terms.appeal().getDays() / 7);
		return model;
	}

	OffsetDateTime now() {
		return this.clock.instant().atZone(this.terms.zone()).toOffsetDateTime();
	}

}

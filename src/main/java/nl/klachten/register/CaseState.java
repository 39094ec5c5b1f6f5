package nl.klachten.register;

import java.time.LocalDate;

/** What commands need to know of a case to decide whether they may run. */
public record CaseState(RegisteredComplaint complaint, LocalDate decisionDue, String employeeName, String employeeEmail,
		String assessment, boolean managementInvolved) {

	public boolean decided() {
		return this.assessment != null;
	}

	@Override
	public String toString() {
		return "CaseState[" + this.complaint.reference() + "]";
	}

}

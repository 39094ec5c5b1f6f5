package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What registration knows of a complaint (R19); unknown fields are null. */
public record NewComplaint(String complainantName, String complainantEmail, String address, String city,
		String representativeOf, String subject, String description, OffsetDateTime submittedAt, LocalDate aroseOn,
		boolean late, String employeeName, List<String> products, LocalDate acknowledgeDue, LocalDate decisionDue) {

	public NewComplaint {
		products = List.copyOf(products);
	}

	@Override
	public String toString() {
		return "NewComplaint[redacted]";
	}

}

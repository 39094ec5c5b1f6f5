package nl.klachten.register;

import java.time.LocalDate;
import java.util.List;

/** Register details stated after registration (R19); null where not stated. */
public record Details(String name, String address, String city, List<String> products, String employee,
		LocalDate aroseOn, String representativeOf) {

	public Details {
		products = List.copyOf(products);
	}

	@Override
	public String toString() {
		return "Details[redacted]";
	}

}

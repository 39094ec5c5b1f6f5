Your complaint has been received [${reference}]

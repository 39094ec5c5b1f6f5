Your appeal has been received [${reference}]

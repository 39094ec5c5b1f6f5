Please confirm your request about your complaint [${reference}]

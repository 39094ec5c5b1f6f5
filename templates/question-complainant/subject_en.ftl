A question about your complaint [${reference}]

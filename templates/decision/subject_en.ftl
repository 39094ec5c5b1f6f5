Decision on your complaint [${reference}]

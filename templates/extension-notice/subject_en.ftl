More time needed for your complaint [${reference}]

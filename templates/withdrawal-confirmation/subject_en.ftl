Your complaint has been withdrawn [${reference}]

Beslissing op uw klacht [${reference}]

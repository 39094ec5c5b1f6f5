Uw klacht is ingetrokken [${reference}]

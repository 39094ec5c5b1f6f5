Vraag over uw klacht [${reference}]

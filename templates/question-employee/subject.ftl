Vraag van de klachtencommissie over klacht [${reference}]

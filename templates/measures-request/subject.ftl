Maatregelen tegen herhaling? Klacht [${reference}] is afgehandeld

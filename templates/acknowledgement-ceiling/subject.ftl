Ontvangstbevestigingen wachten: plafond van ${perHour} per uur bereikt

Dagoverzicht klachten ${date}: ${overdueCount} over termijn, ${dueSoonCount} binnen 7 dagen, ${extensionCount} verlengingsbericht, ${waitingCount} wacht op antwoord, ${newCount} nieuw

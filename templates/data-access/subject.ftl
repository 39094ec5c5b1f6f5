Uw gegevens uit de klachtenadministratie [${reference}]

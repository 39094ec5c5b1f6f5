<#import "/layout.ftl" as layout>
Aan de directie,

Klacht ${reference} (${subject}) is afgehandeld: de klacht is ${assessmentLabel}.

Na elke afgehandelde klacht bekijkt de directie of er maatregelen nodig zijn om herhaling te voorkomen; concrete maatregelen worden in het klachtdossier vastgelegd (klachtenregeling).

Beantwoord deze e-mail met op de eerste regel:

  MAATREGEL <de maatregel>      als u een structurele maatregel neemt, of
  GEEN-MAATREGEL                als er geen maatregel nodig is.

De argumenten van de voorzitter:
${arguments}

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
Geachte ${appealsName},

Er is beroep ingesteld tegen de beslissing op een klacht. Volgens de
klachtenregeling beslist u in de regel binnen ${appealWeeks} weken na ontvangst.
Uw beslissing is bindend voor ${provider}.

  Klacht:        ${reference}
  Onderwerp:     ${subject}
  Klager:        <#if complainantName?has_content>${complainantName}<#else>${complainantEmail}</#if>
  Ingesteld op:  ${filedOn}
  Uiterlijk:     ${due}

Beantwoord deze e-mail met een commando op de eerste regel:

  BEROEP-GEGROND        het beroep is gegrond; de argumenten eronder
  BEROEP-ONGEGROND      het beroep is ongegrond; de argumenten eronder
  BEROEP-VERLENG n weken (of: JJJJ-MM-DD)
                        een nieuwe termijn; de reden eronder

De klager ontvangt uw beslissing of de nieuwe termijn van ons.

Gronden van het beroep:
<#if grounds?has_content>${grounds}<#else>(geen nadere gronden genoemd)</#if>

Hieronder staat het dossier: de klacht, de vragen en antwoorden, de
beslissing met de argumenten en de voorgestelde oplossing, en een
overzicht van alle berichten met datum. Hetzelfde staat in de brief die
als PDF is bijgevoegd. Alle berichten volledig stuurt de voorzitter u op
verzoek.

${caseFile}

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
Geachte ${appealsName},

<#if complainantName?has_content>${complainantName}<#else>De klager</#if> heeft op ${filedOn} beroep ingesteld tegen de beslissing op klacht
${reference} (${subject}). Volgens de klachtenregeling beslist u in de regel binnen ${appealWeeks}
weken na ontvangst, dus uiterlijk op ${due}. Uw beslissing is bindend voor ${provider}.

De brief met de gronden en het volledige dossier zit als PDF bij deze e-mail; het dossier staat
ook hieronder. Beantwoord deze e-mail met een commando op de eerste regel:

  BEROEP-GEGROND       het beroep is gegrond; de argumenten eronder
  BEROEP-ONGEGROND     het beroep is ongegrond; de argumenten eronder
  BEROEP-VERLENG JJJJ-MM-DD (of: n weken)   een nieuwe termijn; de reden eronder

De klager ontvangt uw beslissing of de nieuwe termijn van ons.

Gronden van het beroep:
<#if grounds?has_content>${grounds}<#else>(geen nadere gronden genoemd)</#if>

${caseFile}

<@layout.signature/>

Referentie: ${reference}

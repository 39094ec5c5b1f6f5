<#import "/layout.ftl" as layout>
<#-- As question-complainant: no salutation of ours when the chair's text opens with one (ownGreeting). -->
<#if ownGreeting!false>
${question}

Dit vraagt de voorzitter van de klachtencommissie over klacht ${reference} (klachtenregeling: de voorzitter vraagt de verantwoordelijke medewerker om meer informatie).
<#else>
Beste <#if employeeName?has_content>${employeeName}<#else>collega</#if>,

De klachtencommissie behandelt klacht ${reference} en vraagt u om informatie (klachtenregeling: de voorzitter vraagt de verantwoordelijke medewerker om meer informatie).

Vraag van de voorzitter:

${question}
</#if>

Beantwoord deze e-mail; uw antwoord wordt aan het klachtdossier toegevoegd en de voorzitter krijgt het te zien.

Onderwerp van de klacht: ${subject}
Ingediend: ${submittedOn}

De klacht:
${complaintText}

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
Aan de directie,

De voorzitter van de klachtencommissie legt klacht ${reference} aan u voor: er is een materieel of financieel belang (klachtenregeling: de voorzitter bespreekt de klacht dan met de directie).
<#if reason?has_content>

Toelichting van de voorzitter:
${reason}
</#if>

Beantwoord deze e-mail om te reageren; uw antwoord wordt aan het dossier toegevoegd. Hieronder staat het dossier: de inhoud en een overzicht van alle berichten met datum.

${caseFile}

<@layout.signature/>

Referentie: ${reference}

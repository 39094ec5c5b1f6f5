<#import "/layout.ftl" as layout>
<@layout.salutation/>
U vroeg om uw gegevens uit de klachtenadministratie. Hieronder staat wat wij over uw klacht<#if (cases?size > 1)>en</#if> hebben vastgelegd. De bijlage bevat alles, ook de volledige correspondentie, als JSON-bestand.

<#list cases as file>
Klacht ${file.reference}: ${file.subject}
  Status:               ${file.status}
  Ingediend:            ${file.submittedOn}
  Naam:                 ${file.name}
  E-mail:               ${file.email}
  Adres:                ${file.address}
  Woonplaats:           ${file.city}
<#if file.representativeOf?has_content>
  Namens:               ${file.representativeOf}
</#if>
  Producten:            ${file.products}
  Medewerker:           ${file.employee}
  Datum ontstaan:       ${file.aroseOn}
  Beslissing uiterlijk: ${file.decisionDue}
<#if file.assessment?has_content>
  Beslissing:           ${file.assessment}, op ${file.decidedOn}
</#if>
<#if file.solution?has_content>
  Voorgestelde oplossing:
${file.solution}
</#if>
  Correspondentie:      ${file.letters} berichten met u

</#list>
<@layout.signature/>

Referentie: ${reference}

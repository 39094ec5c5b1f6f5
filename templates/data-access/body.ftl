<#import "/layout.ftl" as layout>
<@layout.salutation/>
U vroeg om uw gegevens uit de klachtenadministratie. Hieronder staat wat wij over uw klacht(en)
hebben vastgelegd; de bijlage bevat alles, inclusief de volledige correspondentie, als JSON-bestand.

<#list cases as file>
Klacht ${file.reference}
  Status:              ${file.status?replace("_", " ")}
  Onderwerp:           ${file.subject!""}
  Ingediend:           ${file.submitted_at}
  Naam:                ${file.complainant.name!""}
  E-mail:              ${file.complainant.email}
  Adres:               ${file.complainant.address!""}
  Woonplaats:          ${file.complainant.city!""}
<#if file.complainant.representative_of??>
  Namens:              ${file.complainant.representative_of}
</#if>
  Producten:           ${file.products?join(", ")}
  Medewerker:          ${file.employee.name!""}
  Datum ontstaan:      ${file.arose_on!""}
  Beslissing uiterlijk: ${file.decision_due}
<#if file.decision??>
  Beoordeling:         ${file.decision.assessment}
</#if>
  Correspondentie:     ${file.correspondence?size} berichten

</#list>
<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
<@layout.state/>
Nieuw bericht in dossier ${reference} van ${party} (${sender}).
<#if (held!0) gt 0>
Eerder kwamen nog ${held} berichten binnen zonder aparte melding (te veel in een uur); ze staan in het dossier.
</#if>
<#if status != "in_behandeling">
Let op: het dossier is ${status?replace("_", " ")}. Het bericht is toegevoegd; het dossier is niet heropend.
</#if>
<#if recorded?has_content>

Vastgelegd in de klachtenadministratie:
<#list recorded as label, value>
  ${(label + ":")?right_pad(17)}${value}
</#list>
</#if>
<#if attachments?has_content>

Bijlagen: <#list attachments as name>${name}<#sep>, </#list>
</#if>

--- Bericht ---
${text}
--- Einde bericht ---

Beantwoord deze e-mail om te reageren; uw antwoord wordt aan het dossier toegevoegd.
<@layout.nextSteps/>

Referentie: ${reference}

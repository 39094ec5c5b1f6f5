<#-- The daily deadline digest (D7). Reference, date, complainant's name and subject only: never complaint text (R8). -->
Dagoverzicht klachten ${date}
<#if failedLines gt 0>

Let op: ${failedLines?c} regels konden niet worden opgebouwd; de rest van het overzicht is compleet.
</#if>
<#list sections as section>

${section.title} (${section.lines?size})
<#list section.lines>
<#items as line>
- ${line.reference}  ${line.date}<#if line.name?has_content>  ${line.name}</#if><#if line.subject?has_content>: ${line.subject}</#if>
    ${line.note}
<#if line.reply?has_content>
    Antwoord: ${line.reply}
</#if>
</#items>
<#else>
  geen
</#list>
</#list>

Een commando geeft u in een antwoord op de melding van het dossier, of in een nieuwe mail met het kenmerk in
het onderwerp. OVERZICHT stuurt dit overzicht opnieuw; HELP geeft alle commando's.

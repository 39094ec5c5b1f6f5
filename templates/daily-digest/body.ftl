<#-- The daily deadline digest (D7). Reference, date, complainant's name and subject only: never complaint text (R8). -->
Dagoverzicht klachten ${date}
<#if failedLines gt 0>

Let op: ${failedLines?c} regels konden niet worden opgebouwd; de rest van het overzicht is compleet.
</#if>
<#if unfiled?has_content>

Let op: ${unfiled}
</#if>
<#list sections as section>

${section.title} (${section.lines?size})
<#list section.lines>
<#items as line>
- ${line.reference}  ${line.date}<#if line.name?has_content>  ${line.name}</#if><#if line.subject?has_content>: ${line.subject}</#if>
    ${line.note}
<#if line.reply?has_content>
    Antwoord: ${line.reply}
<#if line.replyText?has_content>
              en daaronder: ${line.replyText}
</#if>
</#if>
</#items>
<#else>
  geen
</#list>
</#list>

Zo antwoordt u: beantwoord dit overzicht. Per dossier het kenmerk en het
commando op één regel, dan een lege regel, dan de tekst<#if example?has_content>, bijvoorbeeld:

  ${example.reply}

  (${example.text})<#else>.</#if>

Bij een beslissing zijn de argumenten de tekst; een regel "Oplossing: ..."
daaronder is de oplossing die de klager krijgt voorgesteld. Meer dossiers
in één antwoord: herhaal dit per dossier; alles wordt samen uitgevoerd, of
niets. Een antwoord op de melding van één dossier kan ook, zonder kenmerk.
OVERZICHT stuurt dit overzicht opnieuw; HELP geeft alle commando's.

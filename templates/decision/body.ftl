<#import "/layout.ftl" as layout>
<@layout.salutation/>
Wij hebben uw klacht ${reference} (${subject}) beoordeeld. Ons standpunt: uw klacht is ${assessmentLabel}.

Onze argumenten:
${arguments}
<#if solution?has_content>

Voorgestelde oplossing:
${solution}
</#if>

Bent u het niet eens met dit besluit<#if solution?has_content> of met de voorgestelde oplossing</#if>? Dan kunt u zich richten tot de beroepscommissie. Beantwoord deze e-mail met het woord BEROEP op de eerste regel en uw bezwaren daaronder, of schrijf aan:

  ${appealsName}<#if appealsTitle?has_content>, ${appealsTitle}</#if>
  ${appealsAddress}
<#if appealsEmail?has_content>
  E-mail: ${appealsEmail}
</#if>

De beroepscommissie beslist in de regel binnen ${appealWeeks} weken na ontvangst van uw beroep. Haar beslissing is bindend voor ${provider}; de weg naar de burgerlijke rechter blijft open.

<@layout.signature/>

Referentie: ${reference}

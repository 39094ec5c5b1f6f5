<#import "/layout.ftl" as layout>
<@layout.salutation/>
Wij kregen een e-mail over uw klacht ${reference} met het verzoek: ${request}. Die e-mail was geen antwoord op een bericht dat wij u stuurden, dus wij weten niet zeker dat hij van u komt. Er is daarom nog niets veranderd.
<#if shown?has_content>

Wat er dan verandert:
<#list shown as line>
  ${line}
</#list>
</#if>

Wilt u dit? Beantwoord dan deze e-mail; u hoeft niets te typen. Wilt u het niet, of staat hier iets wat u niet schreef, dan kunt u deze e-mail negeren.

<@layout.signature/>

Referentie: ${reference}

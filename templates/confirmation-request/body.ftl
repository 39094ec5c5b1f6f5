<#import "/layout.ftl" as layout>
Geachte heer/mevrouw,

Wij kregen een e-mail over uw klacht ${reference} met het verzoek: ${request}.
Die e-mail was geen antwoord op een bericht dat wij u stuurden, dus wij weten niet zeker dat
hij van u komt. Er is daarom nog niets veranderd.

Wilt u dit? Beantwoord dan deze e-mail; u hoeft niets te typen. Wilt u het niet, dan kunt u
deze e-mail negeren.

<@layout.signature/>

Referentie: ${reference}

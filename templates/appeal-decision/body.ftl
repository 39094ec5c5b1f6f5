<#import "/layout.ftl" as layout>
<@layout.salutation/>
De beroepscommissie (${appealsName}) heeft op ${decidedOn} beslist over uw beroep tegen de beslissing op uw klacht ${reference} (${subject}). Uitspraak: uw beroep is ${outcome}.

Argumenten van de beroepscommissie:
${arguments}

Deze uitspraak is bindend voor ${provider}. Bent u het er niet mee eens, dan staat de weg naar de burgerlijke rechter voor u open.

<@layout.signature/>

Referentie: ${reference}

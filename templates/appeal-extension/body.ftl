<#import "/layout.ftl" as layout>
<@layout.salutation/>
De beroepscommissie (${appealsName}) heeft meer tijd nodig dan de termijn van ${appealWeeks} weken om te beslissen over uw beroep op klacht ${reference} (${subject}). U ontvangt de uitspraak uiterlijk ${newDue} (eerder was dat ${previousDue}).
<#if reason?has_content>

Reden:
${reason}
</#if>

<@layout.signature/>

Referentie: ${reference}

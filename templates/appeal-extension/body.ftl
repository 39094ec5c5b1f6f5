<#import "/layout.ftl" as layout>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

De beroepscommissie (${appealsName}) heeft meer tijd nodig dan de termijn van ${appealWeeks}
weken om te beslissen over uw beroep op klacht ${reference} (${subject}). U ontvangt de
uitspraak uiterlijk ${newDue} (eerder was dat ${previousDue}).
<#if reason?has_content>

Reden:
${reason}
</#if>

<@layout.signature/>

Referentie: ${reference}

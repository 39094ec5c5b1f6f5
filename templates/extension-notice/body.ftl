<#import "/layout.ftl" as layout>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

Voor de afhandeling van uw klacht ${reference} hebben wij meer tijd nodig dan de termijn van vier
weken. U ontvangt uiterlijk ${newDue} ons standpunt (eerder was dat ${previousDue}).

Reden:
${reason}

<@layout.signature/>

Referentie: ${reference}

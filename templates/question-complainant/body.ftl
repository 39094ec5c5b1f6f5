<#import "/layout.ftl" as layout>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

Bij de behandeling van uw klacht ${reference} hebben wij een vraag:

${question}

Wilt u deze e-mail beantwoorden? Uw antwoord wordt aan uw dossier toegevoegd.

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
<#-- The chair's text as typed. When it opens with its own greeting ("Beste ...,"), the template adds none
     and the text comes first (ownGreeting, set by the command). -->
<#if ownGreeting!false>
${question}

Dit is een vraag over uw klacht ${reference}. Wilt u deze e-mail beantwoorden? Uw antwoord wordt aan uw dossier toegevoegd.
<#else>
<@layout.salutation/>
Bij de behandeling van uw klacht ${reference} hebben wij een vraag:

${question}

Wilt u deze e-mail beantwoorden? Uw antwoord wordt aan uw dossier toegevoegd.
</#if>

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

Wij hebben uw bericht met BEROEP over klacht ${reference} (${subject}) ontvangen, maar kunnen
het beroep niet in behandeling nemen:

${reason}

Uw bericht is wel aan het dossier toegevoegd.

<@layout.signature/>

Referentie: ${reference}

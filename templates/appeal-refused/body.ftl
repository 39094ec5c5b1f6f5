<#import "/layout.ftl" as layout>
<@layout.salutation/>
Wij hebben uw bericht met BEROEP over klacht ${reference} (${subject}) ontvangen, maar kunnen het beroep niet in behandeling nemen:

${reason}

Uw bericht is wel aan het dossier toegevoegd.

<@layout.signature/>

Referentie: ${reference}

<#import "/layout.ftl" as layout>
<@layout.salutation/>
Voor de afhandeling van uw klacht ${reference} hebben wij meer tijd nodig dan de termijn van vier weken. U ontvangt uiterlijk ${newDue} ons standpunt (eerder was dat ${previousDue}).

Reden:
${reason}

<@layout.signature/>

Referentie: ${reference}

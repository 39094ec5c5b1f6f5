<#import "/layout.ftl" as layout>
De klager (${complainantEmail}) heeft klacht ${reference} ingetrokken. De status is nu
"ingetrokken"; de klager heeft een bevestiging gekregen.

<@layout.nextSteps/>

Referentie: ${reference}

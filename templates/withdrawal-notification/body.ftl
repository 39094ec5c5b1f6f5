<#import "/layout.ftl" as layout>
<@layout.state/>
De klager (${complainantEmail}) heeft klacht ${reference} ingetrokken. De status is nu "ingetrokken"; de klager heeft een bevestiging gekregen.
<@layout.nextSteps/>

Referentie: ${reference}

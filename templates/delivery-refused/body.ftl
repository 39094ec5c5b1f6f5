<#import "/layout.ftl" as layout>
<@layout.state/>
De mailserver van ${party} weigerde de mail (${reason})<#if reference?has_content> over klacht ${reference}</#if> blijvend: het adres bestaat niet of neemt geen mail aan. De mail wordt niet opnieuw verstuurd.
<#if reply?has_content>

Antwoord van de mailserver: ${reply}
</#if>

Controleer het adres. Met het juiste adres kunt u de mail opnieuw laten versturen door het commando nog eens te geven, of neem op een andere manier contact op.

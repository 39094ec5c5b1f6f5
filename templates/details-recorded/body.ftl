<#import "/layout.ftl" as layout>
Geachte heer/mevrouw,

Wij hebben de volgende gegevens bij uw klacht ${reference} vastgelegd:

<#list recorded as label, value>
  ${label}: ${value}
</#list>

Klopt er iets niet? Beantwoord deze e-mail met de juiste gegevens, elk op een eigen regel
(bijvoorbeeld "Adres: Dorpsstraat 12").

<@layout.signature/>

Referentie: ${reference}

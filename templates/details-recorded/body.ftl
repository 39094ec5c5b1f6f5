<#import "/layout.ftl" as layout>
<@layout.salutation/>
Wij hebben de volgende gegevens bij uw klacht ${reference} vastgelegd:

<#list recorded as label, value>
  ${(label + ":")?right_pad(17)}${value}
</#list>

Klopt er iets niet? Beantwoord deze e-mail met de juiste gegevens, elk op een eigen regel (bijvoorbeeld "Adres: Dorpsstraat 12").

<@layout.signature/>

Referentie: ${reference}

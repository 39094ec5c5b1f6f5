<#import "/layout.ftl" as layout>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

Wij hebben uw klacht ontvangen en geregistreerd onder referentienummer ${reference}.
Vermeld dit nummer bij alle correspondentie over uw klacht; antwoorden op deze e-mail worden
automatisch aan uw dossier toegevoegd.

Onderwerp:          ${subject}
Datum van indiening: ${submittedOn}
Afhandeltermijn:    vier weken; u ontvangt uiterlijk ${decisionDue} ons standpunt.

Als wij meer tijd nodig hebben, hoort u dat binnen deze vier weken, met de nieuwe termijn.
<#if missing?has_content>

Voor de klachtenadministratie missen wij nog enkele gegevens. Wilt u deze e-mail beantwoorden
met de ontbrekende gegevens, elk op een eigen regel, bijvoorbeeld:

<#list missing as label>
${label}: ...
</#list>
</#if>
<#if late>

Volgens uw opgave is de klacht ontstaan op ${aroseOn}, meer dan twaalf maanden voor de
indiening. De voorzitter beoordeelt of de klacht toch in behandeling wordt genomen.
</#if>

U kunt altijd uw gegevens uit de klachtenadministratie opvragen door deze e-mail te beantwoorden
met het woord INZAGE op de eerste regel; met INTREKKEN trekt u de klacht in.

<@layout.signature/>

Referentie: ${reference}

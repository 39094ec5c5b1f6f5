<#import "/layout.ftl" as layout>
<#-- R9. It goes to whatever address the mail claims, so it repeats only what it recorded, short and
     cleaned (ComplaintRegistrar.echo), and asks for nothing a complainant rarely knows (the employee). -->
<@layout.salutation/>
Wij hebben uw klacht ontvangen en geregistreerd onder referentienummer ${reference}. Antwoorden op deze e-mail worden automatisch aan uw dossier toegevoegd.

Wij hebben vastgelegd:

<#list recorded as label, value>
${(label + ":")?right_pad(17)}${value}
</#list>

Wat nu: wij nemen uiterlijk ${decisionDue} een standpunt over uw klacht<#if (handlingWeeks!0) gt 0> (binnen ${handlingWeeks} weken)</#if>. Hebben wij meer tijd nodig, dan hoort u dat vóór die datum, met de nieuwe termijn.
<#if missing?has_content>

Klopt iets niet, of wilt u iets aanvullen (<#list missing as label>${label?lower_case}<#sep>, </#list>)? Beantwoord dan deze e-mail met elk gegeven op een eigen regel, bijvoorbeeld "${missing?first}: ...".
<#else>

Klopt iets niet? Beantwoord dan deze e-mail met het juiste gegeven op een eigen regel, bijvoorbeeld "Adres: Dorpsstraat 12".
</#if>
<#if late>

Volgens uw opgave is de klacht ontstaan op ${aroseOn}, meer dan twaalf maanden voor de indiening. De voorzitter beoordeelt of de klacht toch in behandeling wordt genomen.
</#if>

Met INZAGE op de eerste regel van uw antwoord vraagt u uw gegevens op; met INTREKKEN trekt u de klacht in.

<@layout.signature/>

Referentie: ${reference}

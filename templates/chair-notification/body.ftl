<#import "/layout.ftl" as layout>
<@layout.state/>
Nieuwe klacht geregistreerd: ${reference}

Klager:               <#if complainantName?has_content>${complainantName} </#if><${complainantEmail}>
<#if representativeOf?has_content>
Namens:               ${representativeOf}
</#if>
Ingediend:            ${submittedOn}
Beslissing uiterlijk: ${decisionDue}
<#list details as label, value>
${(label + ":")?right_pad(22)}${value}
</#list>
<#if possibleLink?has_content>

MOGELIJK VERBAND MET ${possibleLink}: de afzender verwijst naar dat dossier, maar is daar geen partij in. Daarom is dit als nieuwe klacht geregistreerd en is er niets uit ${possibleLink} naar de afzender gegaan.
</#if>
<#if late>

LET OP: buiten termijn. De klacht is volgens de klager ontstaan op ${aroseOn}, meer dan twaalf maanden voor de indiening. Zij is niet afgewezen; beoordeel of u haar behandelt.
</#if>
<#if unanswerable!false>

De klager heeft geen ontvangstbevestiging gekregen: het afzenderadres van deze mail is geen enkelvoudig, geldig e-mailadres, dus de bevestiging kon niet naar dat adres worden gestuurd. De klacht is wel geregistreerd; neem zo nodig op een andere manier contact op.
<#elseif !acknowledged>

De klager heeft geen ontvangstbevestiging gekregen: meer dan ${rateLimit} mails in een uur van dit adres. De klacht is wel geregistreerd.
</#if>
<#if attachments?has_content>

Bijlagen: <#list attachments as name>${name}<#sep>, </#list>
</#if>

Onderwerp: ${subject}

--- Klacht ---
${text}
--- Einde klacht ---

Beantwoord deze e-mail om de klacht te behandelen; uw antwoord wordt aan het dossier toegevoegd.
<@layout.nextSteps/>

Referentie: ${reference}

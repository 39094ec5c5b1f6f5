<#import "/layout.ftl" as layout>
<@layout.salutation/>
Op uw verzoek hebben wij uw klacht ${reference} ingetrokken. Wij behandelen haar niet verder. Uw gegevens blijven bewaard volgens de bewaartermijn van de klachtenregeling; u kunt ze altijd opvragen door deze e-mail te beantwoorden met het woord INZAGE.

<@layout.signature/>

Referentie: ${reference}
